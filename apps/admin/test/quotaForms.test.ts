import { describe, expect, it } from 'vitest';
import {
  branchFormPath,
  checkBranchForm,
  checkQuotaForm,
  checkWorkAreaRegion,
  EMPTY_WORK_AREA,
  pickRegion,
  type WorkAreaRow,
} from '../src/pages/quota/quotaForms';

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

/** Rows as the branch form holds them: a typed name, or a region picked (and the name it filled). */
const typed = (name: string): WorkAreaRow => ({ name, region: undefined });

describe('the branch form', () => {
  it('drops empty work-area rows and sends the shared schema’s input (code upper-cased)', () => {
    expect(
      checkBranchForm({
        code: 'kc-sby ',
        name: 'KC Surabaya',
        timeZone: 'Asia/Jakarta',
        workAreas: [typed('Kota Surabaya'), typed(''), typed(' Kabupaten Sidoarjo ')],
      }),
    ).toEqual({
      ok: true,
      value: {
        code: 'KC-SBY',
        name: 'KC Surabaya',
        timeZone: 'Asia/Jakarta',
        workAreas: [{ name: 'Kota Surabaya' }, { name: 'Kabupaten Sidoarjo' }],
      },
    });
  });

  it('sends the code of the regency/city picked with the name, and a typed name alone without one', () => {
    let kota = pickRegion(EMPTY_WORK_AREA, { code: '35.77', name: 'Kota Madiun' });
    expect(kota).toEqual({ name: 'Kota Madiun', region: { code: '35.77', name: 'Kota Madiun' } });
    // another pick replaces the name it filled
    kota = pickRegion(kota, { code: '35.19', name: 'Kabupaten Madiun' });
    expect(kota.name).toBe('Kabupaten Madiun');
    // a name typed by hand (a group of districts) stays when its regency is picked
    const group = pickRegion(typed('Madiun Timur'), { code: '35.19', name: 'Kabupaten Madiun' });
    expect(group).toEqual({ name: 'Madiun Timur', region: { code: '35.19', name: 'Kabupaten Madiun' } });
    // undoing the pick keeps the name and drops the code
    expect(pickRegion(group, undefined)).toEqual(typed('Madiun Timur'));
    expect(
      checkBranchForm({
        code: 'KC-MDN',
        name: 'KC Madiun',
        timeZone: 'Asia/Jakarta',
        workAreas: [kota, typed(''), group, typed('Wilayah Barat')],
      }),
    ).toMatchObject({
      ok: true,
      value: {
        workAreas: [
          { name: 'Kabupaten Madiun', regionCode: '35.19' },
          { name: 'Madiun Timur', regionCode: '35.19' },
          { name: 'Wilayah Barat' },
        ],
      },
    });
  });

  it('puts each message on the row shown, not on the row sent', () => {
    expect(
      reasons(checkBranchForm({ code: 'SBY', name: 'KC', timeZone: 'Europe/Paris', workAreas: [typed(''), typed('ab')] })),
    ).toEqual({
      code: 'BRANCH_CODE_FORMAT',
      name: 'FIELD_TOO_SHORT',
      timeZone: 'BRANCH_ZONE_CHOOSE',
      'workAreas.1.name': 'FIELD_TOO_SHORT',
    });
    expect(
      reasons(checkBranchForm({ code: 'KC-SBY', name: 'KC Surabaya', timeZone: 'Asia/Makassar', workAreas: [typed(' ')] })),
    ).toEqual({ workAreas: 'BRANCH_WORK_AREA_REQUIRED' });
    // the server's message on the code of the second area sent lands on the third row shown
    const rows = [typed('Kota Madiun'), typed(''), typed('Wilayah Timur')];
    expect(branchFormPath(rows)('workAreas.1.regionCode')).toBe('workAreas.2.regionCode');
    expect(branchFormPath(rows)('workAreas.0.name')).toBe('workAreas.0.name');
    expect(branchFormPath(rows)('code')).toBe('code');
  });
});

describe("an existing work area's code", () => {
  it('is sent with the revision read: the code picked, or null to clear it', () => {
    const area = { id: 7, revision: 2 };
    expect(checkWorkAreaRegion(area, { code: '35.02', name: 'Kabupaten Ponorogo' })).toEqual({
      ok: true,
      value: { workAreaId: 7, revision: 2, regionCode: '35.02' },
    });
    expect(checkWorkAreaRegion(area, undefined)).toEqual({ ok: true, value: { workAreaId: 7, revision: 2, regionCode: null } });
    expect(reasons(checkWorkAreaRegion(area, { code: '35', name: 'Jawa Timur' }))).toEqual({ regionCode: 'REGENCY_CODE_FORMAT' });
  });
});
