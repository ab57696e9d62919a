import { checkEventDates, type DateFacts, eventDateLimits, render } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { dateInputBounds, dateLimitIssues } from '../src/forms/dateLimits';

// KC Madiun's today is 29 Nov 2026; the application was registered on 1 Nov and signed on 20 Nov.
const facts: DateFacts = { today: '2026-11-29', registeredOn: '2026-11-01', periodYear: 2026, signedOn: '2026-11-20' };

describe('the event form shows the server rule for dates', () => {
  it('gives the date inputs the same min/max as the rule', () => {
    const values = { agreementNumber: 'PKS/1', signedOn: '2026-11-25', startDate: '' };
    expect(dateInputBounds(eventDateLimits('SIGN_AGREEMENT', facts, values))).toEqual({
      signedOn: { min: '2026-11-01', max: '2026-11-29' },
      startDate: { min: '2026-11-25', max: '2026-12-31' },
    });
    expect(dateInputBounds(eventDateLimits('RECORD_INTERVIEW_SCORE', facts))).toEqual({});
  });

  it.each([
    { type: 'SIGN_AGREEMENT' as const, agreementNumber: 'PKS/1', signedOn: '2030-01-10', startDate: '2030-02-01' },
    { type: 'SIGN_AGREEMENT' as const, agreementNumber: 'PKS/1', signedOn: '2026-11-20', startDate: '2026-11-25' },
    { type: 'COMPLETE_DEBRIEFING' as const, debriefedOn: '2031-01-05' },
    { type: 'COMPLETE_DEBRIEFING' as const, debriefedOn: '2026-11-19' },
    { type: 'SCHEDULE_INTERVIEW' as const, date: '2026-10-31', time: '09:00', place: 'Aula' },
  ])('refuses before sending what the server refuses, with its message: %o', (event) => {
    const { type, ...payload } = event;
    const issues = dateLimitIssues(eventDateLimits(type, facts, payload), payload);
    expect(issues.map(({ path, message }) => ({ path, ...message }))).toEqual(checkEventDates(event, facts));
  });

  it('says the limiting date in the language of the page, never a pre-rendered sentence', () => {
    const payload = { debriefedOn: '2031-01-05' };
    const [issue] = dateLimitIssues(eventDateLimits('COMPLETE_DEBRIEFING', facts, payload), payload);
    expect(issue!.message).toEqual({ reason: 'DEBRIEFED_AFTER_TODAY', params: { date: '2026-11-29' } });
    expect(render('id', issue!.message)).toBe('Tanggal pembekalan tidak boleh setelah hari ini (29 Nov 2026).');
    expect(render('en', issue!.message)).toBe('The debriefing date cannot be after today (29 Nov 2026).');
  });
});
