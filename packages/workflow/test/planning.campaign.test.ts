import { describe, expect, it } from 'vitest';
import {
  ANNOUNCEMENT_CHANNELS,
  defaultWindow,
  issueFields,
  quotaBelowSplit,
  registerCandidateSchema,
  registrationRefusal,
  render,
  setAreaQuotasSchema,
  setChannelsSchema,
  setRegistrationWindowSchema,
  splitProblems,
  yearWindow,
} from '../src';
import { problems } from './schemaProblems';

describe('a registration window', () => {
  const base = { periodId: 1, revision: 1, year: 2027 };

  it('opens from 1 July of the year before and closes within its year, not before it opens', () => {
    expect(setRegistrationWindowSchema.parse({ ...base, opensOn: '2026-12-01', closesOn: '2027-02-28' })).toMatchObject({
      opensOn: '2026-12-01',
      closesOn: '2027-02-28',
    });
    expect(problems(setRegistrationWindowSchema, { ...base, opensOn: '2026-06-30', closesOn: '2028-01-01' })).toEqual({
      opensOn: 'REGISTRATION_OPENS_FROM',
      closesOn: 'REGISTRATION_CLOSES_IN_YEAR',
    });
    expect(problems(setRegistrationWindowSchema, { ...base, opensOn: '2027-03-01', closesOn: '2027-02-28' })).toEqual({
      closesOn: 'REGISTRATION_CLOSES_BEFORE_OPENING',
    });
    expect(problems(setRegistrationWindowSchema, { ...base, opensOn: '', closesOn: '2027-02-30' })).toEqual({
      opensOn: 'FIELD_REQUIRED',
      closesOn: 'DATE_INVALID',
    });
  });

  it('refuses a registration before it opens and after it closes, naming both dates; the last day is inside', () => {
    const w = { opensOn: '2027-02-01', closesOn: '2027-03-15' };
    expect(registrationRefusal(w, '2027-01-31', 2027)).toEqual({
      reason: 'REGISTRATION_NOT_OPEN',
      params: { year: 2027, ...w },
    });
    expect(registrationRefusal(w, '2027-02-01', 2027)).toBeNull();
    expect(registrationRefusal(w, '2027-03-15', 2027)).toBeNull();
    const closed = registrationRefusal(w, '2027-03-16', 2027)!;
    expect(render('id', closed)).toBe(
      'Pendaftaran periode rekrutmen 2027 sudah ditutup: dibuka 1 Februari 2027 sampai 15 Maret 2027.',
    );
    expect(render('en', closed)).toBe(
      'Registration for the 2027 recruitment period has closed: it ran from 1 February 2027 to 15 March 2027.',
    );
  });

  it('of a period opened before windows is its whole year; a new one opens as early as allowed', () => {
    expect(yearWindow(2026)).toEqual({ opensOn: '2026-01-01', closesOn: '2026-12-31' });
    expect(defaultWindow(2027)).toEqual({ opensOn: '2026-07-01', closesOn: '2027-12-31' });
  });
});

describe('announcement channels', () => {
  it('are a versioned list of codes; a period keeps each once in the list order', () => {
    expect(ANNOUNCEMENT_CHANNELS).toEqual([
      'BANNER',
      'BILLBOARD',
      'BRANCH_OFFICE',
      'REGENCY_OFFICE',
      'KELURAHAN_OFFICE',
      'SOCIAL_MEDIA',
      'OTHER',
    ]);
    expect(
      setChannelsSchema.parse({ periodId: 1, revision: 2, channels: ['SOCIAL_MEDIA', 'BANNER', 'SOCIAL_MEDIA'] }).channels,
    ).toEqual(['BANNER', 'SOCIAL_MEDIA']);
    expect(problems(setChannelsSchema, { periodId: 1, revision: 2, channels: ['BANNER', 'RADIO'] })).toEqual({
      'channels.1': 'CHANNEL_CHOOSE',
    });
  });

  it('a registration may name the channel heard from, only one the list knows', () => {
    const input = {
      periodId: 1,
      workAreaId: 1,
      candidate: {
        nik: '3577015208900001',
        name: 'Sri Rahayu',
        phone: '081234567890',
        education: 'SMA',
        address: {
          street: 'Jl. Pahlawan 12',
          rtRw: '001/002',
          village: 'Kartoharjo',
          district: 'Kartoharjo',
          regency: 'Kota Madiun',
        },
      },
    };
    expect(registerCandidateSchema.parse(input).heardFrom).toBeUndefined();
    expect(registerCandidateSchema.parse({ ...input, heardFrom: 'BILLBOARD' }).heardFrom).toBe('BILLBOARD');
    const r = registerCandidateSchema.safeParse({ ...input, heardFrom: 'RADIO' });
    expect(r.success ? [] : issueFields(r.error.issues).map((f) => [f.path, f.reason])).toEqual([
      ['heardFrom', 'CHANNEL_CHOOSE'],
    ]);
  });
});

describe('a split of the quota by work area', () => {
  const areas = [
    { workAreaId: 1, name: 'Kota Madiun', quota: 4, taken: 2 },
    { workAreaId: 2, name: 'Kabupaten Ngawi', quota: 5, taken: 0 },
    { workAreaId: 3, name: 'Magetan', quota: null, taken: 7 },
  ];

  it('fits when its areas add up to at most the total; an area without places of its own counts nothing', () => {
    expect(splitProblems(9, areas)).toEqual([]);
  });

  it('is refused over the total naming both numbers, and an area below its places taken naming the area', () => {
    expect(splitProblems(8, areas)).toEqual([{ path: 'areas', reason: 'AREA_SPLIT_OVER_TOTAL', params: { sum: 9, total: 8 } }]);
    expect(render('id', splitProblems(8, areas)[0]!)).toBe('Jumlah kuota wilayah kerja (9) melebihi kuota kantor cabang (8).');
    expect(splitProblems(9, [{ ...areas[0]!, quota: 1 }])).toEqual([
      { path: 'areas.0.quota', reason: 'AREA_QUOTA_BELOW_TAKEN', params: { area: 'Kota Madiun', taken: 2 } },
    ]);
  });

  it('keeps the branch total from going below the places given out', () => {
    expect(quotaBelowSplit(8, 9)).toEqual({ path: 'quota', reason: 'QUOTA_BELOW_AREA_SPLIT', params: { sum: 9, quota: 8 } });
    expect(quotaBelowSplit(9, 9)).toBeNull();
  });

  it('names each area once, with whole places, not negative', () => {
    expect(
      problems(setAreaQuotasSchema, {
        periodId: 1,
        revision: 1,
        areas: [
          { workAreaId: 1, quota: -1 },
          { workAreaId: 2, quota: 1.5 },
        ],
      }),
    ).toEqual({ 'areas.0.quota': 'QUOTA_NEGATIVE', 'areas.1.quota': 'AREA_QUOTA_WHOLE' });
    expect(
      problems(setAreaQuotasSchema, {
        periodId: 1,
        revision: 1,
        areas: [
          { workAreaId: 1, quota: 1 },
          { workAreaId: 1, quota: null },
        ],
      }),
    ).toEqual({ areas: 'AREA_QUOTA_TWICE' });
  });
});
