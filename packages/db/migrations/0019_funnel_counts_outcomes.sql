CREATE TABLE `funnel_counts` (
	`period_id` integer NOT NULL,
	`work_area_id` integer NOT NULL,
	`state` text NOT NULL,
	`channel` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`period_id`, `work_area_id`, `state`, `channel`)
);
--> statement-breakpoint
CREATE TABLE `funnel_outcomes` (
	`period_id` integer NOT NULL,
	`work_area_id` integer NOT NULL,
	`state` text NOT NULL,
	`stage` text NOT NULL,
	`reason_code` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`period_id`, `work_area_id`, `state`, `stage`, `reason_code`)
);
--> statement-breakpoint
-- The funnel's counts and outcomes (docs/architecture.md "The funnel's read model") are kept in the
-- same transaction as every write to applications, whoever writes, like board_counts (0009): a new
-- application counts in its state and channel, a change of state, channel, period or area moves
-- it, a delete takes it out. An application rejected or withdrawn counts by its snapshot's
-- outcome (stage left, reason code): any write to a rejected or withdrawn one takes the old
-- outcome out and puts the new one in (a snapshot that is not JSON counts without one, never
-- refusing the write). ON CONFLICT … n + excluded.n adds +1 or -1; rows at zero stay.
CREATE TRIGGER applications_funnel_counts_insert AFTER INSERT ON applications
BEGIN
  INSERT INTO funnel_counts (period_id, work_area_id, state, channel, n)
    VALUES (NEW.period_id, NEW.work_area_id, NEW.state, coalesce(NEW.heard_from, ''), 1)
  ON CONFLICT (period_id, work_area_id, state, channel) DO UPDATE SET n = n + excluded.n;
  INSERT INTO funnel_outcomes (period_id, work_area_id, state, stage, reason_code, n)
    SELECT NEW.period_id, NEW.work_area_id, NEW.state,
      coalesce(json_extract(CASE WHEN json_valid(NEW.snapshot) THEN NEW.snapshot END, '$.context.outcome.stage'), ''),
      coalesce(json_extract(CASE WHEN json_valid(NEW.snapshot) THEN NEW.snapshot END, '$.context.outcome.reasonCode'), ''), 1
    WHERE NEW.state IN ('rejected', 'withdrawn')
  ON CONFLICT (period_id, work_area_id, state, stage, reason_code) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER applications_funnel_counts_update AFTER UPDATE OF state, heard_from, period_id, work_area_id ON applications
  WHEN OLD.state IS NOT NEW.state OR OLD.heard_from IS NOT NEW.heard_from
    OR OLD.period_id IS NOT NEW.period_id OR OLD.work_area_id IS NOT NEW.work_area_id
BEGIN
  INSERT INTO funnel_counts (period_id, work_area_id, state, channel, n)
    VALUES (OLD.period_id, OLD.work_area_id, OLD.state, coalesce(OLD.heard_from, ''), -1)
  ON CONFLICT (period_id, work_area_id, state, channel) DO UPDATE SET n = n + excluded.n;
  INSERT INTO funnel_counts (period_id, work_area_id, state, channel, n)
    VALUES (NEW.period_id, NEW.work_area_id, NEW.state, coalesce(NEW.heard_from, ''), 1)
  ON CONFLICT (period_id, work_area_id, state, channel) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER applications_funnel_outcomes_update AFTER UPDATE OF state, snapshot, period_id, work_area_id ON applications
  WHEN OLD.state IN ('rejected', 'withdrawn') OR NEW.state IN ('rejected', 'withdrawn')
BEGIN
  INSERT INTO funnel_outcomes (period_id, work_area_id, state, stage, reason_code, n)
    SELECT OLD.period_id, OLD.work_area_id, OLD.state,
      coalesce(json_extract(CASE WHEN json_valid(OLD.snapshot) THEN OLD.snapshot END, '$.context.outcome.stage'), ''),
      coalesce(json_extract(CASE WHEN json_valid(OLD.snapshot) THEN OLD.snapshot END, '$.context.outcome.reasonCode'), ''), -1
    WHERE OLD.state IN ('rejected', 'withdrawn')
  ON CONFLICT (period_id, work_area_id, state, stage, reason_code) DO UPDATE SET n = n + excluded.n;
  INSERT INTO funnel_outcomes (period_id, work_area_id, state, stage, reason_code, n)
    SELECT NEW.period_id, NEW.work_area_id, NEW.state,
      coalesce(json_extract(CASE WHEN json_valid(NEW.snapshot) THEN NEW.snapshot END, '$.context.outcome.stage'), ''),
      coalesce(json_extract(CASE WHEN json_valid(NEW.snapshot) THEN NEW.snapshot END, '$.context.outcome.reasonCode'), ''), 1
    WHERE NEW.state IN ('rejected', 'withdrawn')
  ON CONFLICT (period_id, work_area_id, state, stage, reason_code) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER applications_funnel_counts_delete AFTER DELETE ON applications
BEGIN
  INSERT INTO funnel_counts (period_id, work_area_id, state, channel, n)
    VALUES (OLD.period_id, OLD.work_area_id, OLD.state, coalesce(OLD.heard_from, ''), -1)
  ON CONFLICT (period_id, work_area_id, state, channel) DO UPDATE SET n = n + excluded.n;
  INSERT INTO funnel_outcomes (period_id, work_area_id, state, stage, reason_code, n)
    SELECT OLD.period_id, OLD.work_area_id, OLD.state,
      coalesce(json_extract(CASE WHEN json_valid(OLD.snapshot) THEN OLD.snapshot END, '$.context.outcome.stage'), ''),
      coalesce(json_extract(CASE WHEN json_valid(OLD.snapshot) THEN OLD.snapshot END, '$.context.outcome.reasonCode'), ''), -1
    WHERE OLD.state IN ('rejected', 'withdrawn')
  ON CONFLICT (period_id, work_area_id, state, stage, reason_code) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- the applications written before this migration
INSERT INTO funnel_counts (period_id, work_area_id, state, channel, n)
  SELECT period_id, work_area_id, state, coalesce(heard_from, ''), count(*) FROM applications
  GROUP BY period_id, work_area_id, state, coalesce(heard_from, '');
--> statement-breakpoint
INSERT INTO funnel_outcomes (period_id, work_area_id, state, stage, reason_code, n)
  SELECT period_id, work_area_id, state, coalesce(json_extract(snapshot, '$.context.outcome.stage'), ''),
    coalesce(json_extract(snapshot, '$.context.outcome.reasonCode'), ''), count(*)
  FROM applications WHERE state IN ('rejected', 'withdrawn')
  GROUP BY 1, 2, 3, 4, 5;
