import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RECRUITMENT_RULES } from '@kader/workflow';
import type { TRPCError } from '@trpc/server';
import { toClientError } from '../src/errors';
import { createCaller } from '../src/index';
import { seededDatabase, userContext } from './helpers';

/** What a client reads of a refusal (`data.kader`). */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: TRPCError) => toClientError(e).data,
  );

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
    expect(
      await refusal(
        admin().branches.create({ code: 'KC-BTU', name: 'KC Batu 2', timeZone: 'Asia/Jakarta', workAreas: ['Kota Batu'] }),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      reason: 'BRANCH_CODE_TAKEN',
      params: { code: 'KC-BTU' },
      message: 'Kode KC-BTU sudah dipakai.',
      fields: [{ path: 'code', reason: 'BRANCH_CODE_TAKEN' }],
    });
    // The shared schema refuses a malformed branch on its fields, before the service.
    const bad = await refusal(
      admin().branches.create({ code: 'BTU', name: 'KC', timeZone: 'UTC' as 'Asia/Jakarta', workAreas: [] }),
    );
    expect(bad).toMatchObject({ code: 'VALIDATION', reason: 'INVALID_INPUT', params: { count: 4 } });
    expect(bad!.fields!.map((f) => [f.path, f.reason])).toEqual([
      ['code', 'BRANCH_CODE_FORMAT'],
      ['name', 'FIELD_TOO_SHORT'],
      ['timeZone', 'BRANCH_ZONE_CHOOSE'],
      ['workAreas', 'BRANCH_WORK_AREA_REQUIRED'],
    ]);
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
    expect(
      await refusal(admin().periods.setQuota({ branchId: madiun.branch.id, year: 2026, quota: madiun.quotaUsed - 1 })),
    ).toEqual({
      code: 'VALIDATION',
      reason: 'QUOTA_BELOW_TAKEN',
      params: { taken: madiun.quotaUsed, year: 2026 },
      message: `Sudah ${madiun.quotaUsed} tempat terisi tahun 2026; kuota tidak boleh kurang dari itu.`,
      fields: [
        {
          path: 'quota',
          reason: 'QUOTA_BELOW_TAKEN',
          params: { taken: madiun.quotaUsed, year: 2026 },
          message: `Sudah ${madiun.quotaUsed} tempat terisi tahun 2026; kuota tidak boleh kurang dari itu.`,
        },
      ],
    });
    expect(await refusal(admin().periods.setQuota({ branchId: 999, year: 2027, quota: 1 }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'NOT_FOUND',
      params: { entity: 'branch', id: 999 },
    });
    expect(await refusal(admin().periods.setQuota({ branchId: madiun.branch.id, year: 2016, quota: -1 }))).toMatchObject({
      reason: 'INVALID_INPUT',
      fields: [
        { path: 'year', reason: 'QUOTA_YEAR_FROM', params: { minimum: 2017 }, message: 'Program Kader JKN dimulai 2017' },
        { path: 'quota', reason: 'QUOTA_NEGATIVE' },
      ],
    });
    const audit = db.handle.sqlite.prepare("select count(*) n from audit_events where type = 'QUOTA_SET'").get();
    expect(audit).toEqual({ n: 2 });
  });

  it("a period's new passing grade applies to later registrations only", async () => {
    const madiun = (await admin().periods.list()).find((p) => p.branch.code === 'KC-MDN' && p.year === 2026)!;
    const rules = { ...DEFAULT_RECRUITMENT_RULES, passingGrades: { writtenTest: 70, interview: 65 } };
    const grades = await refusal(
      admin().periods.setRules({
        periodId: madiun.id,
        rules: { ...rules, passingGrades: { writtenTest: 120, interview: 65.25 } },
      }),
    );
    expect(grades!.fields!.map((f) => [f.path, f.reason])).toEqual([
      ['rules.passingGrades.writtenTest', 'RULES_GRADE_RANGE'],
      ['rules.passingGrades.interview', 'RULES_GRADE_DECIMALS'],
    ]);
    // At least one document stays required: the shared schema says so on the documents.
    const none = rules.documents.map((d) => ({ ...d, required: false }));
    expect(await refusal(admin().periods.setRules({ periodId: madiun.id, rules: { ...rules, documents: none } }))).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'rules.documents', reason: 'RULES_REQUIRED_DOCUMENT', message: 'Paling sedikit satu berkas wajib' }],
    });
    expect(await refusal(admin().periods.setRules({ periodId: 999, rules }))).toMatchObject({
      code: 'NOT_FOUND',
      params: { entity: 'period', id: 999 },
      message: 'Periode rekrutmen #999 tidak ditemukan.',
    });
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
