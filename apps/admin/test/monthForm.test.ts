import { monthlyRecordSchema, render } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { fieldsFromSchema } from '../src/forms/schemaFields';
import {
  checkMonth,
  COLLECTION_FIELDS,
  formPath,
  MONTH_FIELDS,
  monthPayload,
  monthValuesFromRecord,
  newMonthValues,
  suggestedMonth,
  type MonthFormValues,
} from '../src/contracts/monthForm';

const filled = (
  over: Partial<MonthFormValues['fields']> = {},
  collections = [{ arrearsMonths: '3', amount: '1.250.000' }],
): MonthFormValues => ({
  fields: {
    month: '2026-11',
    familiesAssigned: '500',
    familiesVisited: '420',
    visits: '455',
    reportDeliveredOn: '2026-12-04',
    meetingsHeld: '2',
    meetingsAttended: '2',
    ...over,
  },
  collections,
});

describe('the monthly report form, from monthlyRecordSchema', () => {
  it('takes its fields from the schema: a month input, numbers, a date, and a repeating group', () => {
    expect(MONTH_FIELDS.map((f) => `${f.name}:${f.kind}${f.required ? '' : '?'}`)).toEqual([
      'month:month',
      'familiesAssigned:number?',
      'familiesVisited:number',
      'visits:number',
      'reportDeliveredOn:date?',
      'meetingsHeld:number',
      'meetingsAttended:number',
    ]);
    expect(COLLECTION_FIELDS.map((f) => `${f.name}:${f.kind}`)).toEqual(['arrearsMonths:number', 'amount:number']);
    const list = fieldsFromSchema(monthlyRecordSchema).find((f) => f.name === 'collections');
    expect(list).toMatchObject({ kind: 'list', required: false });
  });

  it('builds the record: numbers parsed, rupiah with dots, blank collection rows dropped', () => {
    const v = filled({}, [
      { arrearsMonths: '3', amount: '1.250.000' },
      { arrearsMonths: '', amount: '' },
      { arrearsMonths: '14', amount: 'Rp 600.000' },
    ]);
    expect(monthPayload(v)).toEqual({
      month: '2026-11',
      familiesAssigned: 500,
      familiesVisited: 420,
      visits: 455,
      reportDeliveredOn: '2026-12-04',
      meetingsHeld: 2,
      meetingsAttended: 2,
      collections: [
        { arrearsMonths: 3, amount: 1_250_000 },
        { arrearsMonths: 14, amount: 600_000 },
      ],
    });
    const checked = checkMonth(v);
    expect(checked.ok).toBe(true);
  });

  it('leaves an undelivered report out (null by default)', () => {
    const p = monthPayload(filled({ reportDeliveredOn: '' }));
    expect('reportDeliveredOn' in p).toBe(false);
    expect(monthlyRecordSchema.parse(p).reportDeliveredOn).toBeNull();
  });

  it('shows the schema’s problems on the rows the person sees', () => {
    const v = filled({ familiesVisited: '600', visits: '' }, [
      { arrearsMonths: '', amount: '' },
      { arrearsMonths: '3', amount: 'sejuta' },
    ]);
    const checked = checkMonth(v);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['collections.1.amount', 'familiesVisited', 'visits']);
    expect(checked.errors.familiesVisited!.message).toEqual({ reason: 'VISITED_OVER_ASSIGNED', params: {} });
    expect(render('en', checked.errors.familiesVisited!.message)).toBe('Families visited cannot exceed fostered families');
    expect(checked.errors.visits).toEqual({ message: { reason: 'FIELD_REQUIRED', params: {} }, missing: true });
    expect(checked.errors['collections.1.amount']!.message).toEqual({ reason: 'NOT_A_NUMBER', params: {} });
  });

  it('maps a server path of the sent record back to the form row', () => {
    const v = filled({}, [
      { arrearsMonths: '', amount: '' },
      { arrearsMonths: '1', amount: '5' },
      { arrearsMonths: '', amount: '' },
      { arrearsMonths: '30', amount: '9' },
    ]);
    expect(formPath('collections.0.amount', v)).toBe('collections.1.amount');
    expect(formPath('collections.1.arrearsMonths', v)).toBe('collections.3.arrearsMonths');
    expect(formPath('visits', v)).toBe('visits');
    expect(formPath('collections.7.amount', v)).toBe('collections.7.amount');
  });

  it('fills the form from a recorded month, and a new month from the contract', () => {
    const record = monthlyRecordSchema.parse(monthPayload(filled()));
    const v = monthValuesFromRecord(record);
    expect(v.collections).toEqual([{ arrearsMonths: '3', amount: '1.250.000' }]);
    expect(v.fields.reportDeliveredOn).toBe('2026-12-04');
    expect(monthPayload(v)).toEqual(monthPayload(filled()));
    expect(newMonthValues('2027-01', 450).fields).toEqual({ month: '2027-01', familiesAssigned: '450' });
  });

  it('suggests the month after the latest reported, within the agreement', () => {
    expect(suggestedMonth('2026-11-22', '2027-11-21', [])).toBe('2026-11');
    expect(suggestedMonth('2026-11-22', '2027-11-21', ['2026-11', '2026-12'])).toBe('2027-01');
    expect(suggestedMonth('2026-11-22', '2027-11-21', ['2026-12'])).toBe('2027-01');
    const all = [
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
    ];
    expect(suggestedMonth('2026-11-22', '2027-11-21', all)).toBe('2027-11');
    expect(suggestedMonth('2026-11-22', '2027-11-21', [...all, '2027-11'])).toBe('2027-11');
    expect(suggestedMonth('2026-11-22', '2027-11-21', ['2027-11', '2026-12'])).toBe('2026-11');
  });
});
