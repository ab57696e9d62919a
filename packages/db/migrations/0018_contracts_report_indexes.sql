DROP INDEX `contracts_branch_start`;--> statement-breakpoint
CREATE INDEX `contracts_area_term` ON `contracts` (`work_area_id`,`end_date`,`start_date`,`state`);--> statement-breakpoint
CREATE INDEX `contracts_branch_start` ON `contracts` (`branch_id`,`start_date`,`work_area_id`,`state`,`previous_contract_id`,`candidate_id`);