import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contractListItems,
  type DbHandle,
  insertBranch,
  insertCandidate,
  insertContract,
  insertMonthly,
  insertWorkArea,
  listMonthlyRecordsOf,
  MONTHLY_RECORDS_OF,
} from '../src/index';
import { tempDatabase } from './tempDatabase';

/**
 * What a list's page reads for all its rows at once (issue 10): the rows of the contracts it chose
 * and their months, each one statement whatever the page, never a scan of the months.
 */
let h: DbHandle;
let cleanup = () => {};
const ids: Record<'early' | 'late' | 'none', number> = { early: 0, late: 0, none: 0 };

beforeAll(() => {
  ({ handle: h, cleanup } = tempDatabase('kader-page-reads-'));
  const branch = insertBranch(h.db, { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' });
  const area = insertWorkArea(h.db, { branchId: branch.id, name: 'Kota Madiun' });
  const at = '2026-11-23T01:00:00.000Z';
  const contract = (name: string, nik: string, endDate: string, decision: string | null) => {
    const candidate = insertCandidate(h.db, {
      nik,
      name,
      phone: '+6281234567890',
      birthDate: '1990-08-12',
      sex: 'F',
      education: 'SMA',
      street: 'Jl. 1',
      rtRw: '001/002',
      village: 'Kartoharjo',
      district: 'Kartoharjo',
      regency: 'Kota Madiun',
    });
    return insertContract(h.db, {
      candidateId: candidate.id,
      branchId: branch.id,
      workAreaId: area.id,
      agreementNumber: `PKS/${nik.slice(-3)}/KC-MDN/2026`,
      startDate: `${Number(endDate.slice(0, 4)) - 1}${endDate.slice(4)}`,
      endDate,
      evaluationDueOn: endDate,
      machineId: 'contract',
      machineVersion: 2,
      state: decision ? 'decided' : 'active',
      snapshot: { value: decision ? 'decided' : 'active', context: { decision: decision ? { decision } : null } },
      revision: 1,
      stateEnteredAt: at,
      createdAt: at,
      updatedAt: at,
    }).id;
  };
  ids.late = contract('Sri Rahayu', '3577015208900001', '2027-03-31', null);
  ids.early = contract('Dewi Lestari', '3577015208900002', '2026-12-31', 'drop');
  ids.none = contract('Ani Wijaya', '3577015208900003', '2027-01-31', null);
  // months written out of order: the read gives each contract's oldest first
  for (const [contractId, month] of [
    [ids.late, '2026-05'],
    [ids.early, '2026-02'],
    [ids.late, '2026-04'],
    [ids.early, '2026-01'],
  ] as const) {
    const figures = {
      ...{ familiesAssigned: 0, familiesVisited: 0, collected: 0, reportDaysAfterMonth: null, meetingsAttended: 0 },
      ...{ collectedTotal: 0, fee: null, feeFlaggedLines: null, feeScheduleFrom: null },
    };
    insertMonthly(h.db, { contractId, month, record: { month }, ...figures, revision: 1, createdAt: at, updatedAt: at });
  }
});

afterAll(() => cleanup());

describe("a page's reads", () => {
  it("gives each contract's records oldest first, none for a contract without months", () => {
    const records = listMonthlyRecordsOf(h.db, [ids.none, ids.late, ids.early]);
    expect(records.get(ids.late)).toEqual([{ month: '2026-04' }, { month: '2026-05' }]);
    expect(records.get(ids.early)).toEqual([{ month: '2026-01' }, { month: '2026-02' }]);
    expect(records.has(ids.none)).toBe(false);
    expect(listMonthlyRecordsOf(h.db, []).size).toBe(0);
    // inside a transaction as well (the statement is the connection's)
    expect(h.db.transaction((tx) => listMonthlyRecordsOf(tx, [ids.early]).get(ids.early))).toHaveLength(2);
  });

  it('reads the months of the page through their index, one range per contract, unsorted', () => {
    const plan = (h.sqlite.prepare(`EXPLAIN QUERY PLAN ${MONTHLY_RECORDS_OF}`).all('[1,2]') as { detail: string }[]).map(
      (r) => r.detail,
    );
    const text = plan.join('\n');
    expect(
      plan.some((step) => step.startsWith('SEARCH monthly_reports USING INDEX monthly_contract_month (contract_id=?)')),
      text,
    ).toBe(true);
    expect(
      plan.filter((step) => /TEMP B-TREE|^SCAN monthly_reports/.test(step)),
      text,
    ).toEqual([]);
  });

  it("gives the chosen contracts' rows soonest end first, with the names and the decision beside them", () => {
    const items = contractListItems(h.db, [ids.late, ids.early, ids.none]);
    expect(items.map((i) => i.contract.id)).toEqual([ids.early, ids.none, ids.late]);
    expect(items[0]).toEqual({
      contract: {
        id: ids.early,
        revision: 1,
        state: 'decided',
        agreementNumber: 'PKS/002/KC-MDN/2026',
        startDate: '2025-12-31',
        endDate: '2026-12-31',
        evaluationDueOn: '2026-12-31',
        decision: 'drop',
      },
      candidateName: 'Dewi Lestari',
      nik: '3577015208900002',
      workArea: 'Kota Madiun',
      branch: { id: items[0]!.branch.id, name: 'KC Madiun', timeZone: 'Asia/Jakarta' },
    });
    expect(items.map((i) => i.contract.decision)).toEqual(['drop', null, null]);
    expect(contractListItems(h.db, [])).toEqual([]);
  });
});
