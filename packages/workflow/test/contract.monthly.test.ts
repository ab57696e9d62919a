import { describe, expect, it } from 'vitest';
import {
  collectionFlag,
  monthlyRecordFlags,
  monthlyRecordSchema,
  nextMonth,
  parseMonthlyRecord,
  reportDueDate,
  reportOnTime,
  type MonthlyRecordInput,
  fieldMsg,
  labelOf,
  render,
} from '../src/index';

const valid: MonthlyRecordInput = {
  month: '2026-12',
  familiesVisited: 480,
  visits: 530,
  collections: [
    { arrearsMonths: 3, amount: 420_000 },
    { arrearsMonths: 1, amount: 35_000 },
    { arrearsMonths: 30, amount: 900_000 },
  ],
  reportDeliveredOn: '2027-01-05',
  meetingsHeld: 2,
  meetingsAttended: 2,
};

describe('monthly record: validation', () => {
  it('a valid month, with 500 families assigned unless said otherwise', () => {
    const r = parseMonthlyRecord(valid);
    expect(r.ok && r.record.familiesAssigned).toBe(500);
    const minimal = parseMonthlyRecord({ month: '2027-01', familiesVisited: 0, visits: 0, meetingsHeld: 0, meetingsAttended: 0 });
    expect(minimal).toEqual({
      ok: true,
      record: {
        month: '2027-01',
        familiesAssigned: 500,
        familiesVisited: 0,
        visits: 0,
        collections: [],
        reportDeliveredOn: null,
        meetingsHeld: 0,
        meetingsAttended: 0,
      },
    });
  });

  it('every error at once, with its field path and a catalogue message', () => {
    const r = parseMonthlyRecord({
      month: '2026-13',
      familiesAssigned: 400,
      familiesVisited: 401,
      visits: 300,
      collections: [
        { arrearsMonths: 3, amount: 0 },
        { arrearsMonths: 121, amount: 50_000 },
      ],
      reportDeliveredOn: '2026-02-30',
      meetingsHeld: 2,
      meetingsAttended: 3,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fields.map((f) => ({ path: f.path, reason: f.reason, message: render('id', f) }))).toEqual([
      { path: 'month', reason: 'MONTH_FORMAT', message: 'Bulan harus berformat YYYY-MM (01-12)' },
      { path: 'collections.0.amount', reason: 'AMOUNT_NOT_POSITIVE', message: 'Jumlah iuran harus lebih dari Rp 0' },
      { path: 'collections.1.arrearsMonths', reason: 'NUMBER_TOO_BIG', message: 'Paling besar 120' },
      { path: 'reportDeliveredOn', reason: 'DATE_INVALID', message: 'Tanggal harus berformat YYYY-MM-DD dan ada di kalender' },
      {
        path: 'familiesVisited',
        reason: 'VISITED_OVER_ASSIGNED',
        message: 'Keluarga dikunjungi tidak boleh melebihi jumlah keluarga binaan',
      },
      {
        path: 'visits',
        reason: 'VISITS_UNDER_FAMILIES',
        message: 'Jumlah kunjungan tidak boleh kurang dari keluarga dikunjungi (setiap keluarga paling sedikit satu kunjungan)',
      },
      {
        path: 'meetingsAttended',
        reason: 'ATTENDED_OVER_HELD',
        message: 'Rapat dihadiri tidak boleh melebihi rapat yang diadakan',
      },
    ]);
    expect(r.fields[2]).toEqual(fieldMsg('collections.1.arrearsMonths', 'NUMBER_TOO_BIG', { maximum: 120 }));
    expect(render('en', r.fields[4]!)).toBe('Families visited cannot exceed fostered families');
  });

  it('a number that is not whole is reported; zod then holds back the checks across fields until it is fixed', () => {
    const r = parseMonthlyRecord({ ...valid, familiesVisited: 600, collections: [{ arrearsMonths: 3, amount: 50_000.5 }] });
    expect(r).toEqual({ ok: false, fields: [fieldMsg('collections.0.amount', 'NOT_WHOLE_NUMBER')] });
  });

  it('ranges: families 1..5000, meetings 0..31, arrears 0..120 months', () => {
    const pathsOf = (patch: Partial<MonthlyRecordInput>) => {
      const r = parseMonthlyRecord({ ...valid, ...patch });
      return r.ok ? [] : r.fields.map((f) => f.path);
    };
    expect(pathsOf({ familiesAssigned: 0 })).toContain('familiesAssigned');
    expect(pathsOf({ familiesAssigned: 5001 })).toEqual(['familiesAssigned']);
    expect(pathsOf({ familiesAssigned: 5000 })).toEqual([]);
    expect(pathsOf({ familiesVisited: -1 })).toEqual(['familiesVisited']);
    expect(pathsOf({ visits: 480 })).toEqual([]); // one visit per visited family is enough
    expect(pathsOf({ visits: 479 })).toEqual(['visits']);
    expect(pathsOf({ meetingsHeld: 32, meetingsAttended: 0 })).toEqual(['meetingsHeld']);
    expect(
      pathsOf({
        collections: [
          { arrearsMonths: 0, amount: 1 },
          { arrearsMonths: 120, amount: 1 },
        ],
      }),
    ).toEqual([]);
    expect(pathsOf({ collections: [{ arrearsMonths: -1, amount: 1 }] })).toEqual(['collections.0.arrearsMonths']);
    expect(pathsOf({ familiesVisited: '480' as unknown as number })).toEqual(['familiesVisited']);
  });

  it('a report cannot be delivered before its month starts', () => {
    const early = monthlyRecordSchema.safeParse({ ...valid, reportDeliveredOn: '2026-11-30' });
    expect(early.error?.issues).toMatchObject([{ path: ['reportDeliveredOn'], message: 'REPORT_BEFORE_MONTH' }]);
    expect(monthlyRecordSchema.safeParse({ ...valid, reportDeliveredOn: '2026-12-31' }).success).toBe(true);
  });
});

describe('monthly record: report on time', () => {
  const record = (reportDeliveredOn: string | null, month = '2026-12') => ({ month, reportDeliveredOn });

  it('on or before the due day of the following month; not delivered is late', () => {
    expect(reportOnTime(record('2027-01-05'), 5)).toBe(true);
    expect(reportOnTime(record('2026-12-31'), 5)).toBe(true);
    expect(reportOnTime(record('2027-01-06'), 5)).toBe(false);
    expect(reportOnTime(record(null), 5)).toBe(false);
    expect(reportOnTime(record('2027-01-10'), 10)).toBe(true);
  });

  it('the following month across a year end and for February', () => {
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2027-09')).toBe('2027-10');
    expect(reportDueDate('2027-01', 5)).toBe('2027-02-05');
    expect(reportDueDate('2027-01', 31)).toBe('2027-02-28'); // a day past the month's end is its last day
    expect(reportDueDate('2028-01', 30)).toBe('2028-02-29');
  });
});

describe('monthly record: flags on collections', () => {
  it('arrears under 2 months and over 24 months are flagged, 2..24 are not', () => {
    expect([0, 1, 2, 6, 7, 12, 13, 24, 25, 120].map(collectionFlag)).toEqual([
      'UNDER_2_MONTHS',
      'UNDER_2_MONTHS',
      null,
      null,
      null,
      null,
      null,
      null,
      'OVER_24_MONTHS',
      'OVER_24_MONTHS',
    ]);
  });

  it('lists the flagged collections with their position and the flag, named by its label', () => {
    const record = monthlyRecordSchema.parse(valid);
    expect(monthlyRecordFlags(record)).toEqual([
      { index: 1, arrearsMonths: 1, amount: 35_000, flag: 'UNDER_2_MONTHS' },
      { index: 2, arrearsMonths: 30, amount: 900_000, flag: 'OVER_24_MONTHS' },
    ]);
    expect(labelOf('id', 'flag', 'UNDER_2_MONTHS')).toBe('Tunggakan < 2 bulan: bukan tunggakan peserta binaan kader');
    expect(labelOf('en', 'flag', 'OVER_24_MONTHS')).toBe('Arrears > 24 months: not billed, no service fee');
  });
});
