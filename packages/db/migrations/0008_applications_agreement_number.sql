-- drizzle-kit mangles an expression index: written by hand. A signing's number check looks up
-- json_extract(snapshot, '$.context.agreement.number') through this index instead of reading every
-- application's snapshot. Partial: only signed applications have a number, so the writes of every
-- other application never touch it.
CREATE INDEX `applications_agreement_number` ON `applications` (json_extract(`snapshot`, '$.context.agreement.number')) WHERE json_extract(`snapshot`, '$.context.agreement.number') IS NOT NULL;
