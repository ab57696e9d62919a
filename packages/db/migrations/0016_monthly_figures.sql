ALTER TABLE `monthly_reports` ADD `families_assigned` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `families_visited` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `collected` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `report_days_after_month` integer;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `meetings_attended` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `monthly_figures` ON `monthly_reports` (`contract_id`,`month`,`families_assigned`,`families_visited`,`collected`,`report_days_after_month`,`meetings_attended`);--> statement-breakpoint
-- Backfill the figures from the records written before: the same figures as workflow's
-- monthlyFigures (contract/monthly.ts), which every writer stores from now on: arrears 2 to 24
-- months old (FEE_MIN/MAX_ARREARS_MONTHS) collected; the report's delivery date less the month's
-- last day. A db test checks this statement against monthlyFigures on the same records.
UPDATE `monthly_reports` SET
  `families_assigned` = coalesce(json_extract(`record`, '$.familiesAssigned'), 0),
  `families_visited` = coalesce(json_extract(`record`, '$.familiesVisited'), 0),
  `collected` = coalesce((SELECT sum(json_extract(c.value, '$.amount')) FROM json_each(`record`, '$.collections') c
    WHERE json_extract(c.value, '$.arrearsMonths') BETWEEN 2 AND 24), 0),
  `report_days_after_month` = CAST(julianday(json_extract(`record`, '$.reportDeliveredOn'))
    - julianday(date(`month` || '-01', '+1 month', '-1 day')) AS INTEGER),
  `meetings_attended` = coalesce(json_extract(`record`, '$.meetingsAttended'), 0);
