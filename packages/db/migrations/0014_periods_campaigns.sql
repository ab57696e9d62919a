CREATE TABLE `period_area_quotas` (
	`period_id` integer NOT NULL,
	`work_area_id` integer NOT NULL,
	`quota` integer,
	PRIMARY KEY(`period_id`, `work_area_id`),
	FOREIGN KEY (`period_id`) REFERENCES `recruitment_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`work_area_id`) REFERENCES `work_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `applications` ADD `heard_from` text;--> statement-breakpoint
ALTER TABLE `recruitment_periods` ADD `registration_opens_on` text;--> statement-breakpoint
ALTER TABLE `recruitment_periods` ADD `registration_closes_on` text;--> statement-breakpoint
ALTER TABLE `recruitment_periods` ADD `channels` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `recruitment_periods` ADD `channels_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `recruitment_periods` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Periods opened before registration windows take registrations all their year (1 Jan - 31 Dec),
-- as they did; none has an area split, so the branch total alone applies (today's behaviour).
UPDATE `recruitment_periods` SET
  `registration_opens_on` = printf('%04d-01-01', `year`),
  `registration_closes_on` = printf('%04d-12-31', `year`);
