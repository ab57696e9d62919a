import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../src/index';
import { seededDatabase, userContext } from './helpers';

/**
 * The cadres list and the renewal queue page by the last row shown (issue 10): walking the pages
 * gives every row once, in the order one long page gives, whatever the page size.
 */
let db: ReturnType<typeof seededDatabase>;
const now = () => new Date('2026-11-23T02:00:00.000Z');

beforeAll(() => {
  db = seededDatabase();
});
afterAll(() => db.cleanup());

const as = (username: string) => createCaller(userContext(db.handle, username, now));

type Page<T> = { items: T[]; next: { endDate: string; id: number } | null };

async function walk<T>(read: (after?: { endDate: string; id: number }) => Promise<Page<T>>): Promise<T[][]> {
  const pages: T[][] = [];
  let after: { endDate: string; id: number } | undefined;
  do {
    const page = await read(after);
    pages.push(page.items);
    after = page.next ?? undefined;
  } while (after && pages.length < 1000);
  return pages;
}

describe('the cadres list', () => {
  it('walks every contract the reader may see once, soonest end first, a page at a time', async () => {
    const all = db.handle.sqlite
      .prepare('select id from contracts order by end_date, id')
      .all()
      .map((r) => (r as { id: number }).id);
    expect(all.length).toBeGreaterThan(3);
    const caller = as('pemantau.pusat');
    const pages = await walk((after) => caller.contracts.list({ pageSize: 2, ...(after ? { after } : {}) }));
    expect(pages.flat().map((c) => c.id)).toEqual(all);
    expect(pages.slice(0, -1).every((p) => p.length === 2)).toBe(true);
    const first = await caller.contracts.list({ pageSize: 2 });
    expect([first.total, first.totalCapped]).toEqual([all.length, false]);
  });

  it("a branch's supervisor walks only their branch's, with the filters applied on every page", async () => {
    const madiun = db.handle.sqlite
      .prepare(
        "select c.id from contracts c join branches b on b.id = c.branch_id where b.code = 'KC-MDN' and c.state = 'active' order by c.end_date, c.id",
      )
      .all()
      .map((r) => (r as { id: number }).id);
    const caller = as('penyelia.madiun');
    const pages = await walk((after) => caller.contracts.list({ state: 'active', pageSize: 1, ...(after ? { after } : {}) }));
    expect(pages.flat().map((c) => c.id)).toEqual(madiun);
  });
});

describe('the renewal queue', () => {
  it('gives in pages of one what one page gives', async () => {
    const caller = as('penyelia.madiun');
    const whole = await caller.contracts.renewalQueue({ pageSize: 100 });
    expect(whole.next).toBeNull();
    expect(whole.items.length).toBeGreaterThan(1);
    const pages = await walk((after) => caller.contracts.renewalQueue({ pageSize: 1, ...(after ? { after } : {}) }));
    expect(pages.flat().map((c) => c.id)).toEqual(whole.items.map((c) => c.id));
  });
});
