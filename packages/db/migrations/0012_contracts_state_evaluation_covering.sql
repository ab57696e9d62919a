DROP INDEX `contracts_state_evaluation`;--> statement-breakpoint
CREATE INDEX `contracts_state_evaluation` ON `contracts` (`state`,`evaluation_due_on`,`end_date`,`branch_id`);