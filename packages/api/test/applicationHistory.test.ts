import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerCandidateSchema } from '@kader/workflow';
import { getApplication, registerCandidate, sendApplicationEvent } from '../src/index';
import { getApplicationHistory, getApplicationPath } from '../src/services/getApplication';
import { candidateInput, contextFor, fixedClock, seedBranch, tempDatabase } from './helpers';

let db: ReturnType<typeof tempDatabase>;
let ctx: ReturnType<typeof contextFor>;
let ids: ReturnType<typeof seedBranch>;

beforeEach(() => {
  db = tempDatabase();
  ctx = contextFor(db.handle, fixedClock().now);
  ids = seedBranch(db.handle, 1);
});
afterEach(() => db.cleanup());

/** An application in the administrative check with `ticks` more events: the KTP verified and un-verified in turn. */
let serial = 0;
function applicationWithHistory(ticks: number) {
  serial++;
  const nik = `35770152089000${String(serial).padStart(2, '0')}`;
  const input = registerCandidateSchema.parse(candidateInput(ids.period.id, ids.area.id, nik));
  const { applicationId: id } = registerCandidate({ ctx, input });
  let detail = sendApplicationEvent({ ctx, input: { id, revision: 1, event: { type: 'BEGIN_ADMIN_CHECK' } } });
  for (let i = 0; i < ticks; i++) {
    const type = i % 2 === 0 ? 'VERIFY_DOCUMENT' : 'UNVERIFY_DOCUMENT';
    detail = sendApplicationEvent({ ctx, input: { id, revision: detail.revision, event: { type, document: 'KTP' } } });
  }
  return detail;
}

describe("an application's answer and its timeline", () => {
  it('answers a send with the application, the same size however long its history', () => {
    const short = applicationWithHistory(2);
    const long = applicationWithHistory(0);
    const longer = sendApplicationEvent({
      ctx,
      input: { id: long.id, revision: long.revision, event: { type: 'VERIFY_DOCUMENT', document: 'KTP' } },
    });
    expect(longer).not.toHaveProperty('history');
    // the answer is the row as written, built from what the send held: what a fresh read gives,
    // for an event that keeps the state and one that moves it
    expect(longer).toEqual(getApplication({ ctx, input: { id: long.id } }));
    const rejected = sendApplicationEvent({
      ctx,
      input: { id: short.id, revision: short.revision, event: { type: 'WITHDRAW', reasonCode: 'MOVED_AWAY' } },
    });
    expect(rejected.state).toBe('withdrawn');
    expect(rejected).toEqual(getApplication({ ctx, input: { id: short.id } }));
    const many = applicationWithHistory(60);
    const size = (x: unknown) => JSON.stringify(x).length;
    // same candidate data, the KTP un-verified in both: only ids, revisions and times differ
    expect(Math.abs(size(many) - size(short))).toBeLessThan(40);
  });

  it('pages the timeline newest first, each page after the seq the last one ended at', () => {
    const detail = applicationWithHistory(23); // REGISTERED, BEGIN_ADMIN_CHECK and 23 ticks: 25 events
    const first = getApplicationHistory({ ctx, input: { id: detail.id, limit: 10 } });
    expect(first.entries.map((e) => e.seq)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(first.entries[0]).toMatchObject({
      type: 'VERIFY_DOCUMENT',
      payload: { document: 'KTP' },
      fromState: 'administrativeCheck',
      toState: 'administrativeCheck',
      actor: 'rekruter-uji',
    });
    expect(first.nextBefore).toBe(16);
    const second = getApplicationHistory({ ctx, input: { id: detail.id, before: first.nextBefore!, limit: 10 } });
    expect(second.entries.map((e) => e.seq)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    const last = getApplicationHistory({ ctx, input: { id: detail.id, before: second.nextBefore!, limit: 10 } });
    expect(last.entries.map((e) => e.type)).toEqual([
      'VERIFY_DOCUMENT',
      'UNVERIFY_DOCUMENT',
      'VERIFY_DOCUMENT',
      'BEGIN_ADMIN_CHECK',
      'REGISTERED',
    ]);
    expect(last.nextBefore).toBeNull();
  });

  it('gives the diagram each step once, however often it was taken', () => {
    const detail = applicationWithHistory(40);
    const path = getApplicationPath({ ctx, input: { id: detail.id } });
    const sorted = [...path].sort((a, b) => `${a.type}`.localeCompare(b.type));
    expect(sorted).toEqual([
      { type: 'BEGIN_ADMIN_CHECK', fromState: 'registered', toState: 'administrativeCheck' },
      { type: 'REGISTERED', fromState: null, toState: 'registered' },
      { type: 'UNVERIFY_DOCUMENT', fromState: 'administrativeCheck', toState: 'administrativeCheck' },
      { type: 'VERIFY_DOCUMENT', fromState: 'administrativeCheck', toState: 'administrativeCheck' },
    ]);
  });

  it('shows the timeline and the path only to whoever may read the application', () => {
    const detail = applicationWithHistory(1);
    // a recruiter of another branch (no such branch row needed: only the id differs)
    const outsider = {
      ...ctx,
      principal: {
        kind: 'user',
        id: 99,
        username: 'rekruter.lain',
        name: 'Lain',
        role: 'recruiter',
        branchId: ids.branch.id + 1,
      },
    } as const;
    expect(() => getApplicationHistory({ ctx: outsider, input: { id: detail.id, limit: 5 } })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => getApplicationPath({ ctx: outsider, input: { id: detail.id } })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => getApplicationHistory({ ctx, input: { id: 9999, limit: 5 } })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
