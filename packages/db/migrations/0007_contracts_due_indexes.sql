CREATE INDEX `contracts_state_evaluation` ON `contracts` (`state`,`evaluation_due_on`);--> statement-breakpoint
CREATE INDEX `contracts_state_end` ON `contracts` (`state`,`end_date`);