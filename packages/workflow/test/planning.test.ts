import { describe, expect, it } from 'vitest';
import {
  createBranchSchema,
  DEFAULT_RECRUITMENT_RULES,
  setWorkAreaRegionSchema,
  issueFields,
  periodRulesSchema,
  quotaBelowTaken,
  render,
  setQuotaSchema,
} from '../src';
import { problems } from './schemaProblems';

describe('a branch', () => {
  const base = { code: ' kc-sby ', name: 'KC Surabaya', timeZone: 'Asia/Jakarta', workAreas: ['Kota Surabaya'] };

  it('has a code KC-XXX (trimmed, upper-cased), a name, a zone of Indonesia and at least one work area', () => {
    expect(createBranchSchema.parse(base)).toEqual({ ...base, code: 'KC-SBY', workAreas: [{ name: 'Kota Surabaya' }] });
    expect(
      problems(createBranchSchema, { code: 'SBY', name: 'KC', timeZone: 'Europe/Paris', workAreas: ['Kota Surabaya', 'ab'] }),
    ).toEqual({
      code: 'BRANCH_CODE_FORMAT',
      name: 'FIELD_TOO_SHORT',
      timeZone: 'BRANCH_ZONE_CHOOSE',
      'workAreas.1.name': 'FIELD_TOO_SHORT',
    });
    expect(problems(createBranchSchema, { code: 'KC-X', name: '', timeZone: '', workAreas: [] })).toEqual({
      code: 'BRANCH_CODE_FORMAT',
      name: 'FIELD_REQUIRED',
      timeZone: 'BRANCH_ZONE_CHOOSE',
      workAreas: 'BRANCH_WORK_AREA_REQUIRED',
    });
    expect(problems(createBranchSchema, { ...base, code: 'KC-ABCDEFGHIJK' })).toEqual({ code: 'BRANCH_CODE_FORMAT' });
    expect(createBranchSchema.safeParse({ ...base, code: 'KC-0123456789' }).success).toBe(true);
  });
});

describe("a branch's work areas", () => {
  const base = { code: 'KC-MDN', name: 'KC Madiun', timeZone: 'Asia/Jakarta' };

  it('are each a name with the regency/city code chosen for it, or a name alone (also as a plain string)', () => {
    const parsed = createBranchSchema.parse({
      ...base,
      workAreas: [{ name: ' Kota Madiun ', regionCode: ' 35.77 ' }, { name: 'Madiun Timur' }, 'Kabupaten Ngawi'],
    });
    expect(parsed.workAreas).toEqual([
      { name: 'Kota Madiun', regionCode: '35.77' },
      { name: 'Madiun Timur' },
      { name: 'Kabupaten Ngawi' },
    ]);
  });

  it('refuse a province, district or village code, naming the area on its code field', () => {
    const r = createBranchSchema.safeParse({
      ...base,
      workAreas: [
        { name: 'Kota Madiun', regionCode: '35.77' },
        { name: 'Jawa Timur', regionCode: '35' },
        { name: 'Taman', regionCode: '35.77.01' },
        { name: 'Desa', regionCode: '35.77.01.1001' },
      ],
    });
    expect(r.success).toBe(false);
    const fields = r.success ? [] : issueFields(r.error.issues);
    expect(fields.map((f) => [f.path, f.reason, f.params])).toEqual([
      ['workAreas.1.regionCode', 'WORK_AREA_REGION_NOT_REGENCY', { area: 'Jawa Timur', code: '35' }],
      ['workAreas.2.regionCode', 'WORK_AREA_REGION_NOT_REGENCY', { area: 'Taman', code: '35.77.01' }],
      ['workAreas.3.regionCode', 'WORK_AREA_REGION_NOT_REGENCY', { area: 'Desa', code: '35.77.01.1001' }],
    ]);
    expect(render('id', fields[0]!)).toBe('35 untuk Jawa Timur bukan kode kabupaten/kota (berformat 35.77)');
    expect(render('en', fields[0]!)).toBe('35 for Jawa Timur is not a regency/city code (like 35.77)');
  });

  it('have their code set or cleared over the revision seen, a regency/city code or null', () => {
    expect(setWorkAreaRegionSchema.parse({ workAreaId: 3, revision: 0, regionCode: ' 35.19 ' })).toEqual({
      workAreaId: 3,
      revision: 0,
      regionCode: '35.19',
    });
    expect(setWorkAreaRegionSchema.parse({ workAreaId: 3, revision: 2, regionCode: null }).regionCode).toBeNull();
    expect(problems(setWorkAreaRegionSchema, { workAreaId: 3, revision: 0, regionCode: '35' })).toEqual({
      regionCode: 'REGENCY_CODE_FORMAT',
    });
    expect(problems(setWorkAreaRegionSchema, { workAreaId: 0, revision: -1 })).toEqual({
      workAreaId: 'NUMBER_NOT_ABOVE',
      revision: 'NUMBER_TOO_SMALL',
      regionCode: 'FIELD_REQUIRED',
    });
  });
});

describe('a quota', () => {
  it('is a whole number of places, not negative, in a year from 2017', () => {
    expect(setQuotaSchema.parse({ branchId: 2, year: 2027, quota: 15 })).toEqual({ branchId: 2, year: 2027, quota: 15 });
    expect(problems(setQuotaSchema, { year: 2016, quota: -1 })).toEqual({
      branchId: 'BRANCH_CHOOSE',
      year: 'QUOTA_YEAR_FROM',
      quota: 'QUOTA_NEGATIVE',
    });
    expect(problems(setQuotaSchema, { branchId: 1, year: 2027.5, quota: 10_001 })).toEqual({
      year: 'NOT_WHOLE_NUMBER',
      quota: 'NUMBER_TOO_BIG',
    });
    const year = issueFields(setQuotaSchema.safeParse({ branchId: 1, year: 2016, quota: 1 }).error!.issues)[0]!;
    expect(render('id', year)).toBe('Program Kader JKN dimulai 2017');
  });

  it('is never below the places already taken that year', () => {
    expect(quotaBelowTaken({ year: 2026, quota: 11 }, 12)).toEqual({
      path: 'quota',
      reason: 'QUOTA_BELOW_TAKEN',
      params: { taken: 12, year: 2026 },
    });
    expect(quotaBelowTaken({ year: 2026, quota: 12 }, 12)).toBeNull();
    expect(quotaBelowTaken({ year: 2026, quota: 0 }, 0)).toBeNull();
    expect(render('id', quotaBelowTaken({ year: 2026, quota: 1 }, 3)!)).toBe(
      'Sudah 3 tempat terisi tahun 2026; kuota tidak boleh kurang dari itu.',
    );
    expect(render('en', quotaBelowTaken({ year: 2026, quota: 0 }, 1)!)).toBe(
      '1 place is already taken in 2026; the quota cannot be lower.',
    );
  });
});

describe("a period's rules", () => {
  const rules = DEFAULT_RECRUITMENT_RULES;

  it('accept the defaults and grades with one decimal', () => {
    expect(periodRulesSchema.parse(rules)).toEqual(rules);
    const grades = { writtenTest: 62.5, interview: 99.9 };
    expect(periodRulesSchema.parse({ ...rules, passingGrades: grades }).passingGrades).toEqual(grades);
  });

  it('need at least one required document', () => {
    const none = rules.documents.map((d) => ({ ...d, required: false }));
    expect(problems(periodRulesSchema, { ...rules, documents: none })).toEqual({ documents: 'RULES_REQUIRED_DOCUMENT' });
  });

  it('refuse a grade out of 0-100, with two decimals, missing or not a number, on its path', () => {
    expect(problems(periodRulesSchema, { ...rules, passingGrades: { writtenTest: 101, interview: 62.55 } })).toEqual({
      'passingGrades.writtenTest': 'RULES_GRADE_RANGE',
      'passingGrades.interview': 'RULES_GRADE_DECIMALS',
    });
    expect(problems(periodRulesSchema, { ...rules, passingGrades: { interview: Number.NaN } })).toEqual({
      'passingGrades.writtenTest': 'FIELD_REQUIRED',
      'passingGrades.interview': 'NOT_A_NUMBER',
    });
  });

  it('refuse a maximum age that is not a whole number above 0, and no education level', () => {
    const eligibility = (e: object) => ({ ...rules, eligibility: { ...rules.eligibility, ...e } });
    expect(problems(periodRulesSchema, eligibility({ maxAge: 45.5, educationLevels: [] }))).toEqual({
      'eligibility.maxAge': 'RULES_MAX_AGE',
      'eligibility.educationLevels': 'LIST_TOO_SHORT',
    });
    expect(problems(periodRulesSchema, eligibility({ maxAge: 0 }))).toEqual({ 'eligibility.maxAge': 'RULES_MAX_AGE' });
    expect(problems(periodRulesSchema, { ...rules, passingGrades: { writtenTest: -0.5, interview: 60 } })).toEqual({
      'passingGrades.writtenTest': 'RULES_GRADE_RANGE',
    });
  });
});
