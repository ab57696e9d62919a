import { type ContractCursor, type ContractListItem, contractListItems, type RenewalPart, renewalPartQuery } from '@kader/db';
import { addDays, dateInZone, isoDate } from '@kader/workflow';
import { z } from 'zod';
import { requirePrincipal } from '../../auth/guard';
import type { Context } from '../../context';
import { branchScope, branchTodays } from './shared';
import { contractCards } from './views';

const id = z.number().int().positive();

export const renewalQueueSchema = z.object({
  branchId: id.optional(),
  /** the last row of the page before: this page starts after it */
  after: z.object({ endDate: isoDate, id }).optional(),
  pageSize: z.number().int().min(1).max(100).optional(),
});

/** An active agreement joins the queue this many days before its evaluation falls due. */
const SOON_DAYS = 30;
/** A lapsed agreement stays in the queue this many days after its end. */
const LAPSED_DAYS = 60;

const byEnd = (a: ContractCursor, b: ContractCursor) => a.endDate.localeCompare(b.endDate) || a.id - b.id;

/**
 * The supervisor's queue: agreements due for evaluation or decided, those whose evaluation falls
 * due within 30 days (so nothing expires unnoticed), and — flagged for head office and the branch
 * — agreements that lapsed without a decision in the last 60 days. Soonest end first, one page at a
 * time: each part is one index range read from the cursor (db `renewalPartQuery`), the parts are
 * merged here. The parts' dates are the widest over the branches' zones; each row is then checked
 * on its own branch's date.
 */
export function renewalQueue({ ctx, input }: { ctx: Context; input: z.output<typeof renewalQueueSchema> }) {
  const { items, next } = renewalQueueItems({ ctx, input });
  return { items: contractCards(ctx.handle.db, items), next };
}

/** One page of the queue as list rows (the CSV export shapes these itself). */
export function renewalQueueItems({ ctx, input }: { ctx: Context; input: z.output<typeof renewalQueueSchema> }) {
  const p = requirePrincipal(ctx);
  const { db } = ctx.handle;
  const branchIds = branchScope(db, p, input.branchId);
  const pageSize = input.pageSize ?? 50;
  const after: ContractCursor | null = input.after ?? null;
  const todays = branchTodays(db, ctx.now());
  const earliest = todays[0] ?? dateInZone(ctx.now(), 'UTC');
  const latest = todays.at(-1) ?? earliest;
  const parts: RenewalPart[] = [
    { kind: 'due', state: 'evaluationDue' },
    { kind: 'due', state: 'decided' },
    { kind: 'evaluationBy', state: 'active', by: addDays(latest, SOON_DAYS) },
    { kind: 'endedSince', state: 'lapsed', since: addDays(earliest, -LAPSED_DAYS) },
  ];
  // the parts give keys only; the page's rows are read once the merge has chosen them
  const keys = parts
    .flatMap((part) => renewalPartQuery(db, { part, branchIds, after, limit: pageSize + 1 }).all())
    .sort(byEnd)
    .slice(0, pageSize + 1);
  const page = keys.slice(0, pageSize);
  const last = page.at(-1);
  const next = keys.length > pageSize && last ? { endDate: last.endDate, id: last.id } : null;
  const todayIn = new Map<string, string>();
  const inQueue = (i: ContractListItem) => {
    const zone = i.branch.timeZone;
    let today = todayIn.get(zone);
    if (today === undefined) {
      today = dateInZone(ctx.now(), zone);
      todayIn.set(zone, today);
    }
    if (i.contract.state === 'active') return addDays(today, SOON_DAYS) >= i.contract.evaluationDueOn;
    if (i.contract.state === 'lapsed') return addDays(i.contract.endDate, LAPSED_DAYS) >= today;
    return true;
  };
  const items = contractListItems(
    db,
    page.map((k) => k.id),
  ).filter(inQueue);
  return { items, next };
}
