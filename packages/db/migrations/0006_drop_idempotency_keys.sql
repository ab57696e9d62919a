-- Every command acts at most once without it: a versioned row is written only at the revision the
-- caller saw (a retry after a lost answer is a CONFLICT, and the page shows the current state), and
-- what a command creates has a unique key (NIK, username, agreement number). Only applications.send
-- took a key, and no client sent one: the table goes rather than stay half-built (issue 9).
DROP TABLE `idempotency_keys`;