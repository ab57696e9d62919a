CREATE TABLE `contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`application_id` integer,
	`previous_contract_id` integer,
	`branch_id` integer NOT NULL,
	`work_area_id` integer NOT NULL,
	`agreement_number` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`evaluation_due_on` text NOT NULL,
	`families_assigned` integer DEFAULT 500 NOT NULL,
	`machine_id` text NOT NULL,
	`machine_version` integer NOT NULL,
	`state` text NOT NULL,
	`snapshot` text NOT NULL,
	`revision` integer NOT NULL,
	`state_entered_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_area_id`) REFERENCES `work_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_agreement_number_unique` ON `contracts` (`agreement_number`);--> statement-breakpoint
CREATE INDEX `contracts_branch_state` ON `contracts` (`branch_id`,`state`);--> statement-breakpoint
CREATE INDEX `contracts_end` ON `contracts` (`end_date`);--> statement-breakpoint
CREATE TABLE `monthly_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contract_id` integer NOT NULL,
	`month` text NOT NULL,
	`record` text NOT NULL,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monthly_contract_month` ON `monthly_reports` (`contract_id`,`month`);--> statement-breakpoint
CREATE TABLE `program_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`effective_from` text NOT NULL,
	`value` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `settings_kind_from` ON `program_settings` (`kind`,`effective_from`);