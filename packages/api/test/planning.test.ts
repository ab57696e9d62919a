import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RECRUITMENT_RULES } from '@kader/workflow';
import { createCaller } from '../src/index';
import { seededDatabase, userContext } from './helpers';

let db: ReturnType<typeof seededDatabase>;
beforeAll(async () => {
  db = seededDatabase();
});
afterAll(() => db.cleanup());

const admin = () => createCaller(userContext(db.handle, 'admin.pusat'));

describe('head office planning', () => {
  it('opens a branch with its work area, and a year with its quota', async () => {
    const branch = await admin().branches.create({
      code: 'kc-btu',
      name: 'KC Batu',
      timeZone: 'Asia/Jakarta',
      workAreas: ['Kota Batu'],
    });
    expect(branch).toMatchObject({ code: 'KC-BTU', timeZone: 'Asia/Jakarta' });
    await expect(
      admin().branches.create({ code: 'KC-BTU', name: 'KC Batu 2', timeZone: 'Asia/Jakarta', workAreas: ['Kota Batu'] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const period = await admin().periods.setQuota({ branchId: branch.id, year: 2027, quota: 6 });
    expect(period).toMatchObject({
      year: 2027,
      quota: 6,
      quotaUsed: 0,
      writtenTestGrade: 60,
      workAreas: [{ name: 'Kota Batu' }],
    });
    const changed = await admin().periods.setQuota({ branchId: branch.id, year: 2027, quota: 8 });
    expect(changed).toMatchObject({ id: period.id, quota: 8 });
  });

  it('a branch may bring its own agreement numbering pattern, checked before it is kept', async () => {
    await expect(
      admin().branches.create({
        code: 'KC-KDR',
        name: 'KC Kediri',
        timeZone: 'Asia/Jakarta',
        workAreas: ['Kota Kediri'],
        agreementNumberPattern: 'PKS/{nomor}/{kode}',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const b = await admin().branches.create({
      code: 'KC-KDR',
      name: 'KC Kediri',
      timeZone: 'Asia/Jakarta',
      workAreas: ['Kota Kediri'],
      agreementNumberPattern: '{seq:3}/PKS/{kode}/{yyyy}',
    });
    expect(db.handle.sqlite.prepare('select agreement_number_pattern p from branches where id = ?').get(b.id)).toEqual({
      p: '{seq:3}/PKS/{kode}/{yyyy}',
    });
  });

  it('at the signing stage the application suggests the next number in the pattern', async () => {
    const row = db.handle.sqlite.prepare("select id from applications where state = 'agreementSigning' limit 1").get() as {
      id: number;
    };
    const detail = await createCaller(userContext(db.handle, 'rekruter.madiun')).applications.get({ id: row.id });
    expect(detail.suggestedAgreementNumber).toMatch(/^PKS\/\d{3}\/KC-MDN\/2026$/);
  });

  it('never sets a quota below the places already taken, naming the field', async () => {
    const madiun = (await admin().periods.list()).find((p) => p.branch.code === 'KC-MDN' && p.year === 2026)!;
    expect(madiun.quotaUsed).toBeGreaterThan(0);
    await expect(
      admin().periods.setQuota({ branchId: madiun.branch.id, year: 2026, quota: madiun.quotaUsed - 1 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { details: { fields: [{ path: 'quota' }] } } });
    const audit = db.handle.sqlite.prepare("select count(*) n from audit_events where type = 'QUOTA_SET'").get();
    expect(audit).toEqual({ n: 2 });
  });

  it("a period's new passing grade applies to later registrations only", async () => {
    const madiun = (await admin().periods.list()).find((p) => p.branch.code === 'KC-MDN' && p.year === 2026)!;
    const rules = { ...DEFAULT_RECRUITMENT_RULES, passingGrades: { writtenTest: 70, interview: 65 } };
    await expect(
      admin().periods.setRules({ periodId: madiun.id, rules: { ...rules, passingGrades: { writtenTest: 120, interview: 65 } } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const before = db.handle.sqlite
      .prepare("select snapshot from applications where state = 'writtenTest' and period_id = ? limit 1")
      .get(madiun.id) as { snapshot: string };
    const updated = await admin().periods.setRules({ periodId: madiun.id, rules });
    expect(updated).toMatchObject({ writtenTestGrade: 70, interviewGrade: 65 });
    const after = db.handle.sqlite
      .prepare("select snapshot from applications where state = 'writtenTest' and period_id = ? limit 1")
      .get(madiun.id) as { snapshot: string };
    expect(JSON.parse(after.snapshot).context.rules.passingGrades.writtenTest).toBe(60);
    expect(after).toEqual(before);
  });
});
