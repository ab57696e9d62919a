ALTER TABLE `monthly_reports` ADD `collected_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `fee` integer;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `fee_flagged_lines` integer;--> statement-breakpoint
ALTER TABLE `monthly_reports` ADD `fee_schedule_from` text;--> statement-breakpoint
CREATE INDEX `monthly_fees` ON `monthly_reports` (`contract_id`,`month`,`fee_schedule_from`,`collected_total`,`fee`);--> statement-breakpoint
CREATE INDEX `monthly_fees_by_month` ON `monthly_reports` (`month`,`fee_schedule_from`,`collected_total`,`fee`,`contract_id`);--> statement-breakpoint
-- Backfill what every fee schedule agrees on: everything collected in the month. The fee itself is
-- the fee rule's (workflow `feeStatementFor`, with head office's versions or the programme's
-- defaults, which live in code): it is not written again in SQL. Rows written before this migration
-- keep a null fee and schedule, and the fee payout works their fee out from the record, as it did
-- for every row before; each writer stores the fee from now on.
UPDATE `monthly_reports` SET
  `collected_total` = coalesce((SELECT sum(json_extract(c.value, '$.amount')) FROM json_each(`record`, '$.collections') c), 0);
