import { describe, expect, it } from 'vitest';
import { checkBranchForm, checkQuotaForm } from '../src/pages/quota/quotaForms';

/** A check's messages as `path → reason` (the shared schema's ids). */
const reasons = (r: { ok: true } | { ok: false; errors: Record<string, { reason: string }> }) =>
  r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([p, m]) => [p, m.reason]));

describe('the quota form', () => {
  it('sends numbers to the shared schema and shows its messages by field', () => {
    expect(checkQuotaForm({ branchId: '2', year: '2027', quota: '15' })).toEqual({
      ok: true,
      value: { branchId: 2, year: 2027, quota: 15 },
    });
    expect(reasons(checkQuotaForm({ branchId: '', year: '2016', quota: '-1' }))).toEqual({
      branchId: 'BRANCH_CHOOSE',
      year: 'QUOTA_YEAR_FROM',
      quota: 'QUOTA_NEGATIVE',
    });
    expect(reasons(checkQuotaForm({ branchId: '1', year: '', quota: '1,5' }))).toEqual({
      year: 'FIELD_REQUIRED',
      quota: 'NOT_A_NUMBER',
    });
    expect(reasons(checkQuotaForm({ branchId: '1', year: '2027', quota: '10001' }))).toEqual({ quota: 'NUMBER_TOO_BIG' });
  });
});

describe('the branch form', () => {
  it('drops empty work-area rows and sends the shared schema’s input (code upper-cased)', () => {
    expect(
      checkBranchForm({
        code: 'kc-sby ',
        name: 'KC Surabaya',
        timeZone: 'Asia/Jakarta',
        workAreas: ['Kota Surabaya', '', ' Kabupaten Sidoarjo '],
      }),
    ).toEqual({
      ok: true,
      value: {
        code: 'KC-SBY',
        name: 'KC Surabaya',
        timeZone: 'Asia/Jakarta',
        workAreas: ['Kota Surabaya', 'Kabupaten Sidoarjo'],
      },
    });
  });

  it('puts each message on the row shown, not on the row sent', () => {
    expect(reasons(checkBranchForm({ code: 'SBY', name: 'KC', timeZone: 'Europe/Paris', workAreas: ['', 'ab'] }))).toEqual({
      code: 'BRANCH_CODE_FORMAT',
      name: 'FIELD_TOO_SHORT',
      timeZone: 'BRANCH_ZONE_CHOOSE',
      'workAreas.1': 'FIELD_TOO_SHORT',
    });
    expect(
      reasons(checkBranchForm({ code: 'KC-SBY', name: 'KC Surabaya', timeZone: 'Asia/Makassar', workAreas: [' '] })),
    ).toEqual({ workAreas: 'BRANCH_WORK_AREA_REQUIRED' });
  });
});
