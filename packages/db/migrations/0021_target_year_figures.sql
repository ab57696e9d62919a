-- No backfill: the targets of an agreement year are those of the KPI version in force on its
-- evaluation date, from head office's versions or the defaults in code (workflow), not in SQL. The
-- report sums the months of an agreement without rows, as it did before; each month written from
-- now on writes its agreement's rows (db refreshTargetYears).
CREATE TABLE `target_year_figures` (
	`contract_id` integer NOT NULL,
	`year` integer NOT NULL,
	`kpi_from` text NOT NULL,
	`months` integer NOT NULL,
	`visited` integer NOT NULL,
	`visits_target` real NOT NULL,
	`collected` integer NOT NULL,
	`collection_target` integer NOT NULL,
	`reports_on_time` integer NOT NULL,
	`attended` integer NOT NULL,
	`meetings_target` integer NOT NULL,
	PRIMARY KEY(`contract_id`, `year`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action
);
