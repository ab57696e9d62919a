CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`period_id` integer NOT NULL,
	`work_area_id` integer NOT NULL,
	`machine_id` text NOT NULL,
	`machine_version` integer NOT NULL,
	`state` text NOT NULL,
	`snapshot` text NOT NULL,
	`revision` integer NOT NULL,
	`state_entered_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `recruitment_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_area_id`) REFERENCES `work_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_candidate_period` ON `applications` (`candidate_id`,`period_id`);--> statement-breakpoint
CREATE INDEX `applications_period_state` ON `applications` (`period_id`,`state`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`machine_version` integer,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	`meta` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_entity_seq` ON `audit_events` (`entity_type`,`entity_id`,`seq`);--> statement-breakpoint
CREATE TABLE `branches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `branches_code_unique` ON `branches` (`code`);--> statement-breakpoint
CREATE TABLE `candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nik` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`birth_date` text NOT NULL,
	`sex` text NOT NULL,
	`education` text NOT NULL,
	`street` text NOT NULL,
	`rt_rw` text NOT NULL,
	`village` text NOT NULL,
	`district` text NOT NULL,
	`regency` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidates_nik_unique` ON `candidates` (`nik`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`entity_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `recruitment_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`branch_id` integer NOT NULL,
	`year` integer NOT NULL,
	`quota` integer NOT NULL,
	`rules` text NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `periods_branch_year` ON `recruitment_periods` (`branch_id`,`year`);--> statement-breakpoint
CREATE TABLE `work_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`branch_id` integer NOT NULL,
	`name` text NOT NULL,
	`region_code` text,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_areas_branch_name` ON `work_areas` (`branch_id`,`name`);