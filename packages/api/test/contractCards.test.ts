import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KPI_SETTINGS } from '@kader/workflow';
import { createCaller } from '../src/index';
import { decideRenewal } from '../src/services/contracts/decideRenewal';
import { getContractDetail } from '../src/services/contracts/getContractDetail';
import { listContracts } from '../src/services/contracts/listContracts';
import { recordMonth } from '../src/services/contracts/recordMonth';
import { renewalQueue } from '../src/services/contracts/renewalQueue';
import type { ContractCard } from '../src/services/contracts/views';
import { contextFor, seededDatabase, userContext } from './helpers';

/**
 * A list's page builds its cards together (issue 10: the KPI settings and every row's months read
 * once for the page, the decision read by SQLite): each card must still say what the contract's
 * own page says, which is built one contract at a time.
 */
let db: ReturnType<typeof seededDatabase>;
const now = () => new Date('2026-11-23T03:00:00.000Z');
const ctx = () => contextFor(db.handle, now, 'penyelia-uji');

beforeAll(async () => {
  db = seededDatabase();
  const contracts = db.handle.sqlite.prepare('select id, state, start_date from contracts order by id').all() as {
    id: number;
    state: string;
    start_date: string;
  }[];
  // Months for some active agreements (the seed reports only last year's cadres), none for the rest.
  const active = contracts.filter((c) => c.state === 'active');
  expect(active.length).toBeGreaterThan(1);
  active.slice(0, -1).forEach((c, i) => {
    const month = c.start_date.slice(0, 7);
    const record = {
      month,
      familiesVisited: 200 + 100 * i,
      visits: 400,
      collections: [{ arrearsMonths: 5, amount: 3_000_000 * (i + 1) }],
      reportDeliveredOn: '2026-11-03',
      meetingsHeld: 2,
      meetingsAttended: 1 + (i % 2),
    };
    recordMonth({ ctx: ctx(), input: { contractId: c.id, revision: null, record } });
  });
  // A decision on one agreement due for evaluation, which its card shows.
  const due = contracts.find((c) => c.state === 'evaluationDue');
  if (!due) throw new Error('the demo seed has an agreement due for evaluation');
  const { revision } = getContractDetail({ ctx: ctx(), input: { id: due.id } });
  decideRenewal({ ctx: ctx(), input: { id: due.id, revision, decision: 'renew', reason: 'Target kunjungan tercapai' } });
  // A KPI version from next month: agreements evaluated after it are scored by it, the others not.
  await createCaller(userContext(db.handle, 'admin.pusat', now)).settings.add({
    kind: 'kpi',
    value: {
      ...DEFAULT_KPI_SETTINGS,
      effectiveFrom: '2026-12-01',
      threshold: 35,
      weights: { visits: 40, collection: 20, reports: 20, attendance: 20 },
    },
  });
});
afterAll(() => db.cleanup());

/** The card's fields as the contract's own page shows them. */
function cardFromDetail(card: ContractCard) {
  const detail = getContractDetail({ ctx: ctx(), input: { id: card.id } });
  return Object.fromEntries(Object.keys(card).map((k) => [k, detail[k as keyof typeof detail]]));
}

describe("a list's cards, built for the whole page", () => {
  it('each card of the cadres list is what the contract shows on its own', () => {
    const page = listContracts({ ctx: ctx(), input: { pageSize: 100 } });
    expect(page.next).toBeNull();
    for (const card of page.items) expect(card).toEqual(cardFromDetail(card));
    // the page holds what makes the check worth making: scores from both KPI versions, no months, a decision
    const scored = page.items.filter((c) => c.score !== null);
    expect(scored.some((c) => c.evaluationDueOn >= '2026-12-01')).toBe(true);
    expect(scored.some((c) => c.evaluationDueOn < '2026-12-01')).toBe(true);
    expect(page.items.some((c) => c.monthsReported === 0)).toBe(true);
    expect(page.items.map((c) => c.decision)).toContain('renew');
  });

  it('each card of the renewal queue is what the contract shows on its own', () => {
    const page = renewalQueue({ ctx: ctx(), input: {} });
    expect(page.items.length).toBeGreaterThan(0);
    for (const card of page.items) expect(card).toEqual(cardFromDetail(card));
    expect(page.items.map((c) => c.decision)).toContain('renew');
  });

  it('pages of one give the cards one long page gives', () => {
    const whole = listContracts({ ctx: ctx(), input: { pageSize: 100 } }).items;
    const walked: ContractCard[] = [];
    let after: { endDate: string; id: number } | undefined;
    do {
      const page = listContracts({ ctx: ctx(), input: { pageSize: 1, ...(after ? { after } : {}) } });
      walked.push(...page.items);
      after = page.next ?? undefined;
    } while (after);
    expect(walked).toEqual(whole);
  });
});
