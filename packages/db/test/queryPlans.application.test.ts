import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementNumberTaken,
  applicationBranchId,
  countContractsNumbered,
  countPlacesTaken,
  type DbHandle,
  findPeriod,
  getApplication,
  getCandidate,
  getPeriod,
  listCandidateAgreements,
  listOtherApplications,
  listPathSteps,
  listTimelinePage,
  migrateDatabase,
  openDatabase,
} from '../src';

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kader-plans-app-'));
  file = path.join(dir, 'kader.db');
  const handle = openDatabase(file);
  migrateDatabase(handle);
  handle.close();
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The plans of every statement `run` prepares, one line per step (`SEARCH applications USING …`).
 * A fresh connection each time, so the statements cached per connection are prepared (and seen)
 * again; EXPLAIN QUERY PLAN binds nulls, as the plan does not depend on the values.
 */
function plansOf(run: (handle: DbHandle) => unknown): string[] {
  const handle = openDatabase(file);
  try {
    const texts: string[] = [];
    const prepare = handle.sqlite.prepare.bind(handle.sqlite);
    handle.sqlite.prepare = ((sql: string) => {
      texts.push(sql);
      return prepare(sql);
    }) as typeof handle.sqlite.prepare;
    run(handle);
    expect(texts.length).toBeGreaterThan(0);
    return texts.flatMap((sql) => {
      const params = Array.from(sql.matchAll(/\?/g), () => null);
      const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      return rows.map((r) => r.detail);
    });
  } finally {
    handle.close();
  }
}

/** No step reads a whole table. */
function expectNoScan(plan: string[]) {
  expect(
    plan.filter((step) =>
      /^SCAN (applications|contracts|audit_events|candidates|recruitment_periods|branches|work_areas)\b/.test(step),
    ),
    plan.join('\n'),
  ).toEqual([]);
}

/** No step reads a whole table or sorts rows in a temporary B-tree. */
function expectIndexedOnly(plan: string[]) {
  expectNoScan(plan);
  expect(
    plan.filter((step) => /TEMP B-TREE/.test(step)),
    plan.join('\n'),
  ).toEqual([]);
}

describe('a signing costs the same however many applications and contracts there are', () => {
  it('checks an agreement number by two index lookups, never reading the snapshots', () => {
    const plan = plansOf((h) => agreementNumberTaken(h.db, 'PKS/001/KC-MDN/2026'));
    expectIndexedOnly(plan);
    expect(
      plan.some((step) => /applications USING COVERING INDEX applications_agreement_number/.test(step)),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((step) => /contracts USING COVERING INDEX contracts_agreement_number_unique/.test(step)),
      plan.join('\n'),
    ).toBe(true);
  });

  it("numbers a branch's year from a range of the (branch, start date) index", () => {
    const plan = plansOf((h) => countContractsNumbered(h.db, { branchId: 1, year: 2026 }));
    expectIndexedOnly(plan);
    expect(plan.join('\n')).toMatch(/contracts_branch_start \(branch_id=\? AND start_date>\? AND start_date<\?\)/);
  });

  it('counts the places taken from the board counters and covering index ranges', () => {
    const plan = plansOf((h) => {
      findPeriod(h.db, { branchId: 1, year: 2026 });
      countPlacesTaken(h.db, {
        branchId: 1,
        year: 2026,
        holdingStates: ['debriefing', 'active'],
        leftEarlyStates: ['resigned', 'terminated'],
      });
    });
    expectIndexedOnly(plan);
    const shown = plan.join('\n');
    expect(shown).toMatch(/recruitment_periods USING (COVERING )?INDEX periods_branch_year/);
    // the recruitment's places from the counters the triggers keep, never the applications themselves
    expect(shown).toMatch(/board_counts USING INDEX sqlite_autoindex_board_counts_1 \(period_id=\?\)/);
    expect(shown).not.toMatch(/SEARCH applications/);
    // renewed years: the renewals' own index alone, neither first years nor a contract row read
    expect(shown).toMatch(
      /contracts USING COVERING INDEX contracts_branch_renewed_start \(branch_id=\? AND start_date>\? AND start_date<\?\)/,
    );
    // decided renewals: a range of end dates, not every decided contract of the branch
    expect(shown).toMatch(
      /contracts USING INDEX contracts_branch_state_end \(branch_id=\? AND state=\? AND end_date>\? AND end_date<\?\)/,
    );
  });
});

describe('a send reads only by keys', () => {
  it('reads the application, its period, candidate, other applications and agreement years by index', () => {
    const plan = plansOf((h) => {
      getApplication(h.db, 1);
      getPeriod(h.db, 1);
      getCandidate(h.db, 1);
      listOtherApplications(h.db, { candidateId: 1, exceptId: 1 });
      listCandidateAgreements(h.db, 1);
      applicationBranchId(h.db, 1);
    });
    // one candidate's applications and agreement years are a handful: sorting them is bounded
    expectNoScan(plan);
    expect(plan.join('\n')).toMatch(/contracts USING INDEX contracts_candidate/);
    expect(plan.join('\n')).toMatch(/SEARCH a USING INDEX applications_candidate_period \(candidate_id=\?\)/);
  });
});

describe("an application's timeline pages by keyset", () => {
  it('walks the (entity_type, entity_id, seq) index backwards from the cursor, no sort', () => {
    const plan = plansOf((h) => listTimelinePage(h.db, { entityType: 'application', entityId: 1, before: 10, limit: 20 }));
    expectIndexedOnly(plan);
    expect(plan.join('\n')).toMatch(/audit_events USING INDEX audit_entity_seq \(entity_type=\? AND entity_id=\? AND seq<\?\)/);
  });

  it("reads the diagram's steps from the entity's own rows", () => {
    const plan = plansOf((h) => listPathSteps(h.db, { entityType: 'application', entityId: 1 }));
    expect(plan.filter((step) => /^SCAN audit_events\b/.test(step))).toEqual([]);
    expect(plan.join('\n')).toMatch(/audit_events USING INDEX audit_entity_seq \(entity_type=\? AND entity_id=\?\)/);
  });
});
