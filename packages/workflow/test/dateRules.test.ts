import { describe, expect, it } from 'vitest';
import {
  checkEventDates,
  type DateFacts,
  eventDateLimits,
  RECRUITMENT_EVENT_TYPES,
  recruitmentEventSchemas,
  render,
} from '../src/index';

// Today is 29 Nov 2026 at the branch; registered 1 Nov 2026 into the 2026 period.
const facts: DateFacts = { today: '2026-11-29', registeredOn: '2026-11-01', periodYear: 2026, signedOn: null };
const signed: DateFacts = { ...facts, signedOn: '2026-11-20' };

const paths = (event: Parameters<typeof checkEventDates>[0], f = facts) => checkEventDates(event, f).map((i) => i.path);
/** The issues as the server's Indonesian sentences, by path. */
const said = (event: Parameters<typeof checkEventDates>[0], f = facts) =>
  checkEventDates(event, f).map((i) => ({ path: i.path, message: render('id', i) }));

describe('signing dates', () => {
  const sign = (signedOn: string, startDate: string) => ({
    type: 'SIGN_AGREEMENT' as const,
    agreementNumber: 'PKS/1',
    signedOn,
    startDate,
  });

  it('accepts a signing from the registration day up to today, starting within the period year', () => {
    expect(checkEventDates(sign('2026-11-01', '2026-11-01'), facts)).toEqual([]);
    expect(checkEventDates(sign('2026-11-29', '2026-12-31'), facts)).toEqual([]);
  });

  it('refuses a signature dated after today, naming signedOn', () => {
    const issues = checkEventDates(sign('2030-01-01', '2030-01-02'), facts);
    expect(issues.map((i) => i.path)).toEqual(['signedOn', 'startDate']);
    expect(issues[0]).toEqual({ path: 'signedOn', reason: 'SIGNED_AFTER_TODAY', params: { date: '2026-11-29' } });
    expect(render('id', issues[0]!)).toBe('Tanggal tanda tangan tidak boleh setelah hari ini (29 Nov 2026).');
    expect(render('en', issues[0]!)).toBe('The signing date cannot be after today (29 Nov 2026).');
    expect(paths(sign('2026-11-30', '2026-12-01'))).toEqual(['signedOn']);
  });

  it('refuses a signature before the registration date', () => {
    expect(said(sign('2026-10-31', '2026-11-02'), facts)).toEqual([
      { path: 'signedOn', message: 'Tanggal tanda tangan tidak boleh sebelum tanggal pendaftaran (1 Nov 2026).' },
    ]);
  });

  it('refuses a start outside the period year (1 Jan – 31 Des) or before the signing', () => {
    const inYear = 'Tanggal mulai harus dalam tahun periode 2026 (1 Jan 2026 – 31 Des 2026).';
    expect(said(sign('2026-11-20', '2027-01-01'), facts)).toEqual([{ path: 'startDate', message: inYear }]);
    const early = { ...facts, registeredOn: '2025-12-01', today: '2026-01-05' };
    expect(said(sign('2025-12-20', '2025-12-31'), early)).toEqual([{ path: 'startDate', message: inYear }]);
    expect(said(sign('2026-11-20', '2026-11-19'), facts)).toEqual([
      { path: 'startDate', message: 'Tanggal mulai tidak boleh sebelum tanggal tanda tangan (20 Nov 2026).' },
    ]);
  });
});

describe('debriefing dates', () => {
  const debrief = (debriefedOn: string) => ({ type: 'COMPLETE_DEBRIEFING' as const, debriefedOn });

  it('accepts from the signing day up to today', () => {
    expect(paths(debrief('2026-11-20'), signed)).toEqual([]);
    expect(paths(debrief('2026-11-29'), signed)).toEqual([]);
  });

  it('refuses a debriefing after today or before the signing, naming debriefedOn', () => {
    expect(said(debrief('2031-01-01'), signed)).toEqual([
      { path: 'debriefedOn', message: 'Tanggal pembekalan tidak boleh setelah hari ini (29 Nov 2026).' },
    ]);
    expect(said(debrief('2026-11-19'), signed)).toEqual([
      { path: 'debriefedOn', message: 'Tanggal pembekalan tidak boleh sebelum tanggal tanda tangan PKS (20 Nov 2026).' },
    ]);
  });
});

describe('schedule dates', () => {
  it.each(['SCHEDULE_WRITTEN_TEST', 'SCHEDULE_INTERVIEW'] as const)(
    '%s: from the registration date to a year after today',
    (type) => {
      const at = (date: string) => paths({ type, date, time: '09:00', place: 'Aula' });
      expect(at('2026-11-01')).toEqual([]);
      expect(at('2027-11-29')).toEqual([]);
      expect(at('2026-10-31')).toEqual(['date']);
      expect(at('2027-11-30')).toEqual(['date']);
    },
  );

  it('a year after 29 Feb is 1 Mar', () => {
    const leap = { ...facts, today: '2028-02-29', registeredOn: '2028-01-10', periodYear: 2028 };
    expect(eventDateLimits('SCHEDULE_INTERVIEW', leap).date?.max?.date).toBe('2029-03-01');
  });
});

describe('coverage', () => {
  // A date field added to an event schema without a rule here would be accepted unchecked.
  it('every date field of every event schema has limits, and no other field has', () => {
    const dateFields = (type: (typeof RECRUITMENT_EVENT_TYPES)[number]) => {
      const shape = (recruitmentEventSchemas[type] as unknown as { shape: Record<string, { meta: () => unknown }> }).shape;
      return Object.entries(shape)
        .filter(([, s]) => (s.meta() as { kind?: string } | undefined)?.kind === 'date')
        .map(([name]) => name)
        .sort();
    };
    for (const type of RECRUITMENT_EVENT_TYPES) {
      const limits = eventDateLimits(type, signed);
      expect({ type, fields: Object.keys(limits).sort() }).toEqual({ type, fields: dateFields(type) });
      for (const l of Object.values(limits)) expect(l.max).toBeDefined();
    }
  });
});
