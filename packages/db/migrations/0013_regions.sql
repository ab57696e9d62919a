CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`parent_code` text,
	`name` text NOT NULL,
	`name_key` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `regions_parent_name` ON `regions` (`parent_code`,`name_key`);--> statement-breakpoint
CREATE INDEX `regions_level_name` ON `regions` (`level`,`name_key`);--> statement-breakpoint
ALTER TABLE `candidates` ADD `province_code` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `regency_code` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `district_code` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `village_code` text;