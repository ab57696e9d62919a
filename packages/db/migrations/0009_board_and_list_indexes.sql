CREATE TABLE `board_counts` (
	`period_id` integer NOT NULL,
	`work_area_id` integer NOT NULL,
	`state` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`period_id`, `work_area_id`, `state`)
);
--> statement-breakpoint
DROP INDEX `applications_period_state`;--> statement-breakpoint
CREATE INDEX `applications_board` ON `applications` (`period_id`,`state`,`state_entered_at`);--> statement-breakpoint
CREATE INDEX `applications_board_area` ON `applications` (`period_id`,`state`,`work_area_id`,`state_entered_at`);--> statement-breakpoint
DROP INDEX `contracts_branch_state`;--> statement-breakpoint
CREATE INDEX `contracts_branch_state_end` ON `contracts` (`branch_id`,`state`,`end_date`);--> statement-breakpoint
CREATE INDEX `contracts_branch_end` ON `contracts` (`branch_id`,`end_date`);--> statement-breakpoint
CREATE INDEX `contracts_area_end` ON `contracts` (`work_area_id`,`end_date`);--> statement-breakpoint
-- The board's counts are kept in the same transaction as every write to applications, whoever
-- writes: a new application counts in its state, a change of state (or of period or area) moves
-- it, a delete takes it out. Rows at zero stay (a column that empties shows 0).
CREATE TRIGGER applications_board_count_insert AFTER INSERT ON applications
BEGIN
  INSERT INTO board_counts (period_id, work_area_id, state, n) VALUES (NEW.period_id, NEW.work_area_id, NEW.state, 1)
    ON CONFLICT (period_id, work_area_id, state) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER applications_board_count_update AFTER UPDATE OF state, period_id, work_area_id ON applications
  WHEN OLD.state IS NOT NEW.state OR OLD.period_id IS NOT NEW.period_id OR OLD.work_area_id IS NOT NEW.work_area_id
BEGIN
  UPDATE board_counts SET n = n - 1
    WHERE period_id = OLD.period_id AND work_area_id = OLD.work_area_id AND state = OLD.state;
  INSERT INTO board_counts (period_id, work_area_id, state, n) VALUES (NEW.period_id, NEW.work_area_id, NEW.state, 1)
    ON CONFLICT (period_id, work_area_id, state) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER applications_board_count_delete AFTER DELETE ON applications
BEGIN
  UPDATE board_counts SET n = n - 1
    WHERE period_id = OLD.period_id AND work_area_id = OLD.work_area_id AND state = OLD.state;
END;
--> statement-breakpoint
-- the applications written before this migration
INSERT INTO board_counts (period_id, work_area_id, state, n)
  SELECT period_id, work_area_id, state, count(*) FROM applications GROUP BY period_id, work_area_id, state;
