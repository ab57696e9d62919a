ALTER TABLE `audit_events` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `hash` text;--> statement-breakpoint
-- INSERT OR REPLACE / REPLACE INTO resolve a conflict by deleting the old row, and that implicit
-- delete fires no DELETE trigger: refuse the insert before it gets there. The (entity, seq) check
-- keeps SQLite's UNIQUE wording, so a racing duplicate reads as before.
-- A new row must be sealed and follow the last row: every writer goes through appendAudit, and one
-- that forgets the chain fails here instead of leaving a row verify-audit would report.
CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only: that id is taken')
  WHERE EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id);
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: audit_events.entity_type, audit_events.entity_id, audit_events.seq (audit_events is append-only)')
  WHERE EXISTS (SELECT 1 FROM audit_events WHERE entity_type = NEW.entity_type AND entity_id = NEW.entity_id AND seq = NEW.seq);
  SELECT RAISE(ABORT, 'audit_events is append-only: a new row carries its hash and follows the last row')
  WHERE NEW.hash IS NULL
     OR NEW.prev_hash IS NOT (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1)
     OR (NEW.prev_hash IS NULL AND EXISTS (SELECT 1 FROM audit_events));
END;
--> statement-breakpoint
DROP TRIGGER audit_events_no_update;
--> statement-breakpoint
-- Still no updates, with one exception: sealing a row written before the chain existed (it has no
-- hash yet) by setting prev_hash and hash, every other column unchanged. migrateDatabase does that
-- once, in id order; a sealed row can never be unsealed or resealed.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
WHEN NOT (
  OLD.hash IS NULL AND OLD.prev_hash IS NULL AND NEW.hash IS NOT NULL
  AND NEW.id IS OLD.id AND NEW.entity_type IS OLD.entity_type AND NEW.entity_id IS OLD.entity_id
  AND NEW.seq IS OLD.seq AND NEW.type IS OLD.type AND NEW.payload IS OLD.payload
  AND NEW.from_state IS OLD.from_state AND NEW.to_state IS OLD.to_state
  AND NEW.machine_version IS OLD.machine_version AND NEW.actor IS OLD.actor AND NEW.at IS OLD.at
  AND NEW.meta IS OLD.meta
)
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
-- nik_views had UPDATE and DELETE refused (0002) but not REPLACE, which deletes without them.
CREATE TRIGGER nik_views_no_replace BEFORE INSERT ON nik_views
BEGIN
  SELECT RAISE(ABORT, 'nik_views is append-only: that id is taken')
  WHERE EXISTS (SELECT 1 FROM nik_views WHERE id = NEW.id);
END;
