import {
  type AuditChainBreak,
  auditContentBreak,
  auditContentBreaks,
  auditLinkBreaks,
  auditSeqBreaks,
  type DbHandle,
} from '@kader/db';
import { historyPage, REPLAYED_KINDS, type ReplayedKind } from './histories';
import { monthlyFigureMismatches, targetYearMismatches } from './monthlyFigures';
import { readModelMismatches } from './readModels';
import { type AuditMismatch, replayedMismatch } from './replayEntity';

/**
 * How far a check has got: `chain` counts the audit rows whose links were checked, `replay` the
 * audit rows of the applications and contracts read (and replayed), `readModels` the report
 * tables' checks (READ_MODEL_CHECKS) done.
 */
export type VerifyProgress = { phase: 'chain' | 'replay' | 'readModels'; done: number; total: number };

/** What a check finds: how many applications and contracts it replayed, and every break. */
export type VerifyReport = { checked: number; mismatches: AuditMismatch[] };

/** A break in the hash chain as a mismatch, named by the entity whose audit row it is in. */
export const chainBreakMismatch = (b: AuditChainBreak): AuditMismatch => ({
  kind: b.entityType,
  id: b.entityId,
  seq: b.seq,
  reason: b.reason,
});

/** What a chain check that could not run reports (a database without the hash column). */
export const chainNotChecked = (error: unknown): AuditMismatch => ({
  kind: 'audit_events',
  id: 0,
  reason: `hash chain not checked: ${error instanceof Error ? error.message : String(error)}`,
});

/**
 * The report tables' checks, each against what its table is kept from, in the order they are
 * reported (after the log's breaks): the funnel's tables (readModels.ts), the monthly records'
 * figure and fee columns, the target rows per agreement year (monthlyFigures.ts).
 */
export const READ_MODEL_CHECKS = {
  funnel: readModelMismatches,
  monthlyFigures: monthlyFigureMismatches,
  targetYears: targetYearMismatches,
} satisfies Record<string, (handle: DbHandle) => AuditMismatch[]>;
export type ReadModelCheck = keyof typeof READ_MODEL_CHECKS;
export const READ_MODEL_CHECK_NAMES = Object.keys(READ_MODEL_CHECKS) as ReadModelCheck[];

/**
 * The units verify-audit's threads take one at a time from a queue, so two threads stay busy
 * whatever the mix of entities: the seq numbering (one light pass); the seals of a range of audit
 * row ids (each row's link to the one before, and the content of the rows no replay reads); the
 * replay of a range of entity ids, which checks the content of every row it reads; and one report
 * table's check.
 */
export type VerifyTask =
  | { kind: 'seq' }
  | { kind: 'seal'; fromId: number; toId: number }
  | { kind: 'replay'; entity: ReplayedKind; fromId: number; toId: number }
  | { kind: 'readModel'; check: ReadModelCheck };

/** Breaks of the hash chain a task found, by kind: put in order by the audit row id later (db's chainBreaksInOrder). */
export type ChainBreaks = { seq: AuditChainBreak[]; content: AuditChainBreak[]; links: AuditChainBreak[] };

/**
 * Chain tasks give breaks (or, `notChecked`, why they could not run), replay tasks mismatches and
 * the content breaks of the rows they read, report table tasks mismatches; `rows` counts a phase's
 * progress (audit rows, or one check).
 */
export type TaskResult =
  | ({ kind: 'chain'; rows: number; notChecked?: unknown } & ChainBreaks)
  | { kind: 'replay'; mismatches: AuditMismatch[]; content: AuditChainBreak[]; rows: number; checked: number }
  | { kind: 'readModels'; mismatches: AuditMismatch[]; rows: 1 };

const noBreaks = (): ChainBreaks => ({ seq: [], content: [], links: [] });

export function runTask(handle: DbHandle, task: VerifyTask): TaskResult {
  const sqlite = handle.sqlite;
  switch (task.kind) {
    case 'seq':
      return { kind: 'chain', ...noBreaks(), seq: auditSeqBreaks(sqlite), rows: 0 };
    case 'seal': {
      const { breaks: links, rows } = auditLinkBreaks(sqlite, task);
      const content = auditContentBreaks(sqlite, { ...task, except: REPLAYED_KINDS });
      return { kind: 'chain', ...noBreaks(), content, links, rows };
    }
    case 'replay': {
      const { rows, histories, sealed } = historyPage(sqlite, task.entity, task.fromId, task.toId);
      const content: AuditChainBreak[] = [];
      // without seals (a log older than the chain) the seal tasks report the chain as not checked
      for (const row of sealed ? rows : []) {
        const b = auditContentBreak(row);
        if (b) content.push(b);
      }
      const mismatches: AuditMismatch[] = [];
      for (const history of histories) {
        const m = replayedMismatch(task.entity, history);
        if (m) mismatches.push(m);
      }
      return { kind: 'replay', mismatches, content, rows: rows.length, checked: histories.length };
    }
    case 'readModel':
      return { kind: 'readModels', mismatches: READ_MODEL_CHECKS[task.check](handle), rows: 1 };
  }
}
