CREATE INDEX `contracts_branch_start` ON `contracts` (`branch_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `contracts_candidate` ON `contracts` (`candidate_id`);