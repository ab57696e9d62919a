CREATE TABLE `funnel_application_stages` (
	`application_id` integer NOT NULL,
	`stage` text NOT NULL,
	`days` integer NOT NULL,
	PRIMARY KEY(`application_id`, `stage`)
);
--> statement-breakpoint
CREATE TABLE `funnel_applications` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`period_id` integer NOT NULL,
	`work_area_id` integer NOT NULL,
	`state` text NOT NULL,
	`entered_day` integer NOT NULL,
	`left_state` text,
	`left_day` integer,
	`registered_day` integer NOT NULL,
	`active_day` integer,
	`furthest` integer,
	`to_active_days` integer
);
--> statement-breakpoint
CREATE TABLE `funnel_furthest` (
	`period_id` integer NOT NULL,
	`work_area_id` integer NOT NULL,
	`furthest` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`period_id`, `work_area_id`, `furthest`)
);
--> statement-breakpoint
CREATE TABLE `funnel_stage_days` (
	`period_id` integer NOT NULL,
	`work_area_id` integer NOT NULL,
	`stage` text NOT NULL,
	`days` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`period_id`, `work_area_id`, `stage`, `days`)
);
--> statement-breakpoint
-- The selection funnel's read model (docs/architecture.md "The funnel's read model"), kept by a
-- trigger on the audit log: every writer of an application's audit rows (the services, the bulk
-- generator, the import, the demo seed) keeps it in its own transaction. A row whose to_state
-- differs from its from_state is a change of state: it ends the stay in the state the application
-- stood in and starts one in to_state (docs/reports.md "Selection funnel"). Days are whole days on
-- the branch's calendar: the julian day number of the date in the branch's zone (the CASE gives each
-- zone of BRANCH_TIME_ZONES its shift; db/test/funnelReadModel.test.ts checks it equals the api's
-- shiftOf). ON CONFLICT … n + excluded.n adds a count of +1 or -1 to a histogram's bucket; buckets
-- at zero stay (the queries skip them).
CREATE TRIGGER audit_events_funnel AFTER INSERT ON audit_events
  WHEN NEW.entity_type = 'application' AND NEW.to_state IS NOT NULL AND NEW.from_state IS NOT NEW.to_state
BEGIN
  -- the application's row: the first change registers it; a later one keeps the stay it ends
  -- (left_state since left_day) beside the one it starts (state since entered_day)
  INSERT INTO funnel_applications (application_id, period_id, work_area_id, state, entered_day, registered_day, active_day)
    SELECT id, period_id, work_area_id, NEW.to_state, day, day, CASE WHEN NEW.to_state = 'active' THEN day END
    FROM (
      SELECT a.id, a.period_id, a.work_area_id, CAST(julianday(date(NEW.at, CASE b.time_zone
          WHEN 'Asia/Jakarta' THEN '+420 minutes' WHEN 'Asia/Makassar' THEN '+480 minutes'
          WHEN 'Asia/Jayapura' THEN '+540 minutes' ELSE '+0 minutes' END)) AS INTEGER) AS day
      FROM applications a
      JOIN recruitment_periods p ON p.id = a.period_id
      JOIN branches b ON b.id = p.branch_id
      WHERE a.id = NEW.entity_id
    ) WHERE true
  ON CONFLICT (application_id) DO UPDATE SET
    left_state = state,
    left_day = entered_day,
    state = excluded.state,
    entered_day = excluded.entered_day,
    registered_day = min(registered_day, excluded.registered_day),
    active_day = coalesce(max(active_day, excluded.active_day), active_day, excluded.active_day);
  -- the stay that ended adds its days to the stage's running sum (rejected, withdrawn: no stage)
  INSERT INTO funnel_application_stages (application_id, stage, days)
    SELECT application_id, left_state, entered_day - left_day FROM funnel_applications
    WHERE application_id = NEW.entity_id AND left_state NOT IN ('active', 'rejected', 'withdrawn')
  ON CONFLICT (application_id, stage) DO UPDATE SET days = days + excluded.days;
  -- the stage left counts its sum (it was not counted while the application stood in it) …
  INSERT INTO funnel_stage_days (period_id, work_area_id, stage, days, n)
    SELECT f.period_id, f.work_area_id, s.stage, s.days, 1
    FROM funnel_applications f JOIN funnel_application_stages s ON s.application_id = f.application_id AND s.stage = f.left_state
    WHERE f.application_id = NEW.entity_id AND f.left_state IS NOT f.state
  ON CONFLICT (period_id, work_area_id, stage, days) DO UPDATE SET n = n + excluded.n;
  -- … and a stage entered again (a reopening) takes its earlier sum out until it is left again
  INSERT INTO funnel_stage_days (period_id, work_area_id, stage, days, n)
    SELECT f.period_id, f.work_area_id, s.stage, s.days, -1
    FROM funnel_applications f JOIN funnel_application_stages s ON s.application_id = f.application_id AND s.stage = f.state
    WHERE f.application_id = NEW.entity_id AND f.left_state IS NOT f.state
  ON CONFLICT (period_id, work_area_id, stage, days) DO UPDATE SET n = n + excluded.n;
  -- the furthest stage only goes up (rejected, withdrawn have no index: a reopening keeps it)
  INSERT INTO funnel_furthest (period_id, work_area_id, furthest, n)
    SELECT period_id, work_area_id, furthest, -1 FROM funnel_applications
    WHERE application_id = NEW.entity_id AND furthest IS NOT NULL AND (CASE state WHEN 'registered' THEN 0
      WHEN 'administrativeCheck' THEN 1 WHEN 'writtenTest' THEN 2 WHEN 'interview' THEN 3
      WHEN 'agreementSigning' THEN 4 WHEN 'debriefing' THEN 5 WHEN 'active' THEN 6 END) > furthest
  ON CONFLICT (period_id, work_area_id, furthest) DO UPDATE SET n = n + excluded.n;
  INSERT INTO funnel_furthest (period_id, work_area_id, furthest, n)
    SELECT period_id, work_area_id, stage, 1 FROM (
      SELECT period_id, work_area_id, furthest, CASE state WHEN 'registered' THEN 0
        WHEN 'administrativeCheck' THEN 1 WHEN 'writtenTest' THEN 2 WHEN 'interview' THEN 3
        WHEN 'agreementSigning' THEN 4 WHEN 'debriefing' THEN 5 WHEN 'active' THEN 6 END AS stage
      FROM funnel_applications WHERE application_id = NEW.entity_id
    ) WHERE stage > coalesce(furthest, -1)
  ON CONFLICT (period_id, work_area_id, furthest) DO UPDATE SET n = n + excluded.n;
  UPDATE funnel_applications SET furthest = CASE state WHEN 'registered' THEN 0
      WHEN 'administrativeCheck' THEN 1 WHEN 'writtenTest' THEN 2 WHEN 'interview' THEN 3
      WHEN 'agreementSigning' THEN 4 WHEN 'debriefing' THEN 5 WHEN 'active' THEN 6 END
    WHERE application_id = NEW.entity_id AND (CASE state WHEN 'registered' THEN 0
      WHEN 'administrativeCheck' THEN 1 WHEN 'writtenTest' THEN 2 WHEN 'interview' THEN 3
      WHEN 'agreementSigning' THEN 4 WHEN 'debriefing' THEN 5 WHEN 'active' THEN 6 END) > coalesce(furthest, -1);
  -- registration to active: the latest entry into active less the earliest change's day
  INSERT INTO funnel_stage_days (period_id, work_area_id, stage, days, n)
    SELECT period_id, work_area_id, 'toActive', to_active_days, -1 FROM funnel_applications
    WHERE application_id = NEW.entity_id AND to_active_days IS NOT NULL AND to_active_days IS NOT active_day - registered_day
  ON CONFLICT (period_id, work_area_id, stage, days) DO UPDATE SET n = n + excluded.n;
  INSERT INTO funnel_stage_days (period_id, work_area_id, stage, days, n)
    SELECT period_id, work_area_id, 'toActive', active_day - registered_day, 1 FROM funnel_applications
    WHERE application_id = NEW.entity_id AND active_day IS NOT NULL AND to_active_days IS NOT active_day - registered_day
  ON CONFLICT (period_id, work_area_id, stage, days) DO UPDATE SET n = n + excluded.n;
  UPDATE funnel_applications SET to_active_days = active_day - registered_day
    WHERE application_id = NEW.entity_id AND to_active_days IS NOT active_day - registered_day;
END;
--> statement-breakpoint
-- An application moved to another period or work area (no service does; a hand-run statement
-- might) takes its counts along, like board_counts.
CREATE TRIGGER applications_funnel_move AFTER UPDATE OF period_id, work_area_id ON applications
  WHEN OLD.period_id IS NOT NEW.period_id OR OLD.work_area_id IS NOT NEW.work_area_id
BEGIN
  INSERT INTO funnel_stage_days (period_id, work_area_id, stage, days, n)
    SELECT k.period_id, k.work_area_id, x.stage, x.days, k.delta
    FROM (SELECT OLD.period_id AS period_id, OLD.work_area_id AS work_area_id, -1 AS delta
          UNION ALL SELECT NEW.period_id, NEW.work_area_id, 1) k
    CROSS JOIN (
      SELECT s.stage, s.days FROM funnel_application_stages s
        JOIN funnel_applications f ON f.application_id = s.application_id
        WHERE s.application_id = NEW.id AND s.stage IS NOT f.state
      UNION ALL
      SELECT 'toActive', to_active_days FROM funnel_applications WHERE application_id = NEW.id AND to_active_days IS NOT NULL
    ) x
    WHERE true
  ON CONFLICT (period_id, work_area_id, stage, days) DO UPDATE SET n = n + excluded.n;
  INSERT INTO funnel_furthest (period_id, work_area_id, furthest, n)
    SELECT k.period_id, k.work_area_id, f.furthest, k.delta
    FROM (SELECT OLD.period_id AS period_id, OLD.work_area_id AS work_area_id, -1 AS delta
          UNION ALL SELECT NEW.period_id, NEW.work_area_id, 1) k
    CROSS JOIN funnel_applications f
    WHERE f.application_id = NEW.id AND f.furthest IS NOT NULL
  ON CONFLICT (period_id, work_area_id, furthest) DO UPDATE SET n = n + excluded.n;
  UPDATE funnel_applications SET period_id = NEW.period_id, work_area_id = NEW.work_area_id WHERE application_id = NEW.id;
END;
--> statement-breakpoint
-- An application deleted (no service does) takes its counts out.
CREATE TRIGGER applications_funnel_delete AFTER DELETE ON applications
BEGIN
  INSERT INTO funnel_stage_days (period_id, work_area_id, stage, days, n)
    SELECT f.period_id, f.work_area_id, s.stage, s.days, -1 FROM funnel_application_stages s
      JOIN funnel_applications f ON f.application_id = s.application_id
      WHERE s.application_id = OLD.id AND s.stage IS NOT f.state
    UNION ALL
    SELECT period_id, work_area_id, 'toActive', to_active_days, -1 FROM funnel_applications
      WHERE application_id = OLD.id AND to_active_days IS NOT NULL
  ON CONFLICT (period_id, work_area_id, stage, days) DO UPDATE SET n = n + excluded.n;
  INSERT INTO funnel_furthest (period_id, work_area_id, furthest, n)
    SELECT period_id, work_area_id, furthest, -1 FROM funnel_applications WHERE application_id = OLD.id AND furthest IS NOT NULL
  ON CONFLICT (period_id, work_area_id, furthest) DO UPDATE SET n = n + excluded.n;
  DELETE FROM funnel_application_stages WHERE application_id = OLD.id;
  DELETE FROM funnel_applications WHERE application_id = OLD.id;
END;
--> statement-breakpoint
-- The applications written before this migration, from their audit rows: the stays as the
-- report's log-based statement reads them (each change of state until the next, LEAD by seq).
CREATE TEMP TABLE funnel_backfill_moves AS
  SELECT a.id AS app, a.period_id, a.work_area_id, e.seq, e.to_state AS state,
    CAST(julianday(date(e.at, CASE b.time_zone WHEN 'Asia/Jakarta' THEN '+420 minutes'
      WHEN 'Asia/Makassar' THEN '+480 minutes' WHEN 'Asia/Jayapura' THEN '+540 minutes' ELSE '+0 minutes' END)) AS INTEGER) AS day
  FROM applications a
  JOIN recruitment_periods p ON p.id = a.period_id
  JOIN branches b ON b.id = p.branch_id
  JOIN audit_events e ON e.entity_type = 'application' AND e.entity_id = a.id
  WHERE e.to_state IS NOT NULL AND e.from_state IS NOT e.to_state;
--> statement-breakpoint
INSERT INTO funnel_applications (application_id, period_id, work_area_id, state, entered_day, left_state, left_day,
    registered_day, active_day, furthest, to_active_days)
  SELECT app, period_id, work_area_id,
    max(CASE WHEN back = 1 THEN state END), max(CASE WHEN back = 1 THEN day END),
    max(CASE WHEN back = 2 THEN state END), max(CASE WHEN back = 2 THEN day END),
    min(day), max(CASE WHEN state = 'active' THEN day END),
    max(CASE state WHEN 'registered' THEN 0 WHEN 'administrativeCheck' THEN 1 WHEN 'writtenTest' THEN 2
      WHEN 'interview' THEN 3 WHEN 'agreementSigning' THEN 4 WHEN 'debriefing' THEN 5 WHEN 'active' THEN 6 END),
    max(CASE WHEN state = 'active' THEN day END) - min(day)
  FROM (SELECT *, row_number() OVER (PARTITION BY app ORDER BY seq DESC) AS back FROM funnel_backfill_moves)
  GROUP BY app;
--> statement-breakpoint
INSERT INTO funnel_application_stages (application_id, stage, days)
  SELECT app, state, sum(left_day - day)
  FROM (SELECT app, state, day, lead(day) OVER (PARTITION BY app ORDER BY seq) AS left_day FROM funnel_backfill_moves)
  WHERE left_day IS NOT NULL AND state NOT IN ('active', 'rejected', 'withdrawn')
  GROUP BY app, state;
--> statement-breakpoint
DROP TABLE funnel_backfill_moves;
--> statement-breakpoint
INSERT INTO funnel_stage_days (period_id, work_area_id, stage, days, n)
  SELECT f.period_id, f.work_area_id, s.stage, s.days, count(*) FROM funnel_application_stages s
    JOIN funnel_applications f ON f.application_id = s.application_id
    WHERE s.stage IS NOT f.state
    GROUP BY f.period_id, f.work_area_id, s.stage, s.days
  UNION ALL
  SELECT period_id, work_area_id, 'toActive', to_active_days, count(*) FROM funnel_applications
    WHERE to_active_days IS NOT NULL
    GROUP BY period_id, work_area_id, to_active_days;
--> statement-breakpoint
INSERT INTO funnel_furthest (period_id, work_area_id, furthest, n)
  SELECT period_id, work_area_id, furthest, count(*) FROM funnel_applications WHERE furthest IS NOT NULL
  GROUP BY period_id, work_area_id, furthest;
