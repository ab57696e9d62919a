import { describe, expect, it } from 'vitest';
import {
  ageOn,
  agreementEndDate,
  dateInZone,
  formatNik,
  formatPhone,
  maskNik,
  normalizePhone,
  parseNik,
  parseRecruitmentEvent,
  CORRECTION_REASON_MIN_LENGTH,
  correctCandidateSchema,
  issueFields,
  msg,
  registerCandidateSchema,
  render,
} from '../src/index';
import { commonMessages } from '../src/text/messages/common';
import { contractMessages } from '../src/text/messages/contract';
import { httpMessages } from '../src/text/messages/http';
import { peopleMessages } from '../src/text/messages/people';
import { recruitmentMessages } from '../src/text/messages/recruitment';

describe('NIK', () => {
  it.each([
    ['3577011203850001', { birthDate: '1985-03-12', sex: 'M', regionCode: '357701' }],
    ['3577015208900001', { birthDate: '1990-08-12', sex: 'F', regionCode: '357701' }], // day 52 = 12 + 40
    ['3577 0171 1210 0002', { birthDate: '2010-12-31', sex: 'F', regionCode: '357701' }], // typed with spaces
  ])('decodes %s', (nik, expected) => {
    expect(parseNik(nik, '2026-11-23')).toMatchObject({ ok: true, value: expected });
  });

  it('chooses the century: 20YY unless that is in the future', () => {
    expect(parseNik('3577010101250001', '2026-11-23')).toMatchObject({ value: { birthDate: '2025-01-01' } });
    expect(parseNik('3577010101300001', '2026-11-23')).toMatchObject({ value: { birthDate: '1930-01-01' } });
  });

  it.each([
    ['357701120385000', 'NIK_DIGITS', 'NIK harus 16 digit angka'],
    ['35770112038500011', 'NIK_DIGITS', 'NIK harus 16 digit angka'],
    ['3577011213850001', 'NIK_BIRTH_MONTH', 'Bulan lahir pada NIK (digit 9-10) tidak valid'],
    ['3577013203850001', 'NIK_BIRTH_DAY', 'Tanggal lahir pada NIK (digit 7-8) tidak valid'], // day 32
    ['3577017203850001', 'NIK_BIRTH_DAY', 'Tanggal lahir pada NIK (digit 7-8) tidak valid'], // day 72 = 32 for a woman
    ['3577013002850001', 'NIK_BIRTH_DATE', 'Tanggal lahir pada NIK (digit 7-12) bukan tanggal yang ada'], // 30 February
    ['3577012902850001', 'NIK_BIRTH_DATE', 'Tanggal lahir pada NIK (digit 7-12) bukan tanggal yang ada'], // 29 Feb 1985
    ['3577017111850001', 'NIK_BIRTH_DATE', 'Tanggal lahir pada NIK (digit 7-12) bukan tanggal yang ada'], // 31 November
    ['3577011203850000', 'NIK_SERIAL_ZERO', 'Nomor urut NIK (digit 13-16) tidak boleh 0000'],
  ])('refuses %s (%s)', (nik, reason, sentence) => {
    const r = parseNik(nik, '2026-11-23');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toEqual({ reason, params: {} });
    expect(render('id', r.problem)).toBe(sentence);
    expect(render('en', r.problem)).not.toBe(sentence);
  });

  it('accepts 29 February in a leap year and formats and masks', () => {
    expect(parseNik('3577012902880001', '2026-11-23').ok).toBe(true);
    expect(formatNik('3577015208900001')).toBe('3577 0152 0890 0001');
    expect(maskNik('3577015208900001')).toBe('3577 •••• •••• 0001');
  });
});

describe('phone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['0812345678', '+62812345678'], // 10 digits with the 0
    ['0812345678901', '+62812345678901'], // 13 digits with the 0
  ])('%s -> %s', (raw, e164) => expect(normalizePhone(raw)).toBe(e164));

  it.each(['081234567', '08123456789012', '0212345678', '0801234567'])('refuses %s', (raw) =>
    expect(normalizePhone(raw)).toBeNull(),
  );

  it('shows the domestic form', () => expect(formatPhone('+6281234567890')).toBe('0812-3456-7890'));
});

describe('calendar', () => {
  it.each([
    ['2017-04-01', '2018-03-31'],
    ['2026-01-01', '2026-12-31'],
    ['2024-02-29', '2025-02-28'],
    ['2023-03-01', '2024-02-29'],
  ])('an agreement from %s ends on %s', (start, end) => expect(agreementEndDate(start)).toBe(end));

  it('counts whole years of age', () => {
    expect(ageOn('1966-11-24', '2026-11-23')).toBe(59);
    expect(ageOn('1966-11-23', '2026-11-23')).toBe(60);
  });

  it('decides the date in the branch zone', () => {
    const instant = new Date('2026-11-23T16:30:00Z'); // 23.30 WIB, 00.30 WITA, 01.30 WIT
    expect(dateInZone(instant, 'Asia/Jakarta')).toBe('2026-11-23');
    expect(dateInZone(instant, 'Asia/Makassar')).toBe('2026-11-24');
    expect(dateInZone(instant, 'Asia/Jayapura')).toBe('2026-11-24');
  });
});

describe('event and input schemas', () => {
  it('scores are 0-100 with at most one decimal', () => {
    const ok = (score: number) => parseRecruitmentEvent({ type: 'RECORD_WRITTEN_TEST_SCORE', score }).ok;
    expect([ok(0), ok(100), ok(72.5), ok(60.1)]).toEqual([true, true, true, true]);
    expect([ok(-1), ok(100.5), ok(72.55)]).toEqual([false, false, false]);
  });

  it('names the field that is wrong', () => {
    const r = parseRecruitmentEvent({
      type: 'SIGN_AGREEMENT',
      agreementNumber: 'PKS/1',
      signedOn: '2026-12-05',
      startDate: '2026-12-01',
    });
    expect(r).toEqual({
      ok: false,
      fields: [{ path: 'startDate', reason: 'START_BEFORE_SIGNING', params: { date: '2026-12-05' } }],
    });
    if (!r.ok) expect(render('id', r.fields[0]!)).toBe('Tanggal mulai tidak boleh sebelum tanggal tanda tangan (5 Des 2026).');
    const other = parseRecruitmentEvent({ type: 'REJECT', reasonCode: 'OTHER' });
    expect(other).toMatchObject({ ok: false, fields: [{ path: 'note', reason: 'OTHER_REASON_NEEDS_NOTE' }] });
    expect(parseRecruitmentEvent({ type: 'FLY' })).toEqual({
      ok: false,
      fields: [{ path: 'type', reason: 'EVENT_TYPE_UNKNOWN', params: { type: 'FLY' } }],
    });
    expect(parseRecruitmentEvent({})).toMatchObject({ ok: false, fields: [{ path: 'type', reason: 'EVENT_TYPE_REQUIRED' }] });
    expect(parseRecruitmentEvent({ type: 'SCHEDULE_INTERVIEW', date: '2026-02-30', time: '25:00', place: 'x' })).toMatchObject({
      ok: false,
      fields: [
        { path: 'date', reason: 'DATE_INVALID' },
        { path: 'time', reason: 'CLOCK_TIME_INVALID' },
        { path: 'place', reason: 'PLACE_REQUIRED' },
      ],
    });
  });

  it('registration normalises NIK and phone and names bad fields', () => {
    const good = registerCandidateSchema.parse({
      periodId: 1,
      workAreaId: 1,
      candidate: {
        nik: '3577 0152 0890 0001',
        name: 'Sri',
        phone: '0812-3456-7890',
        education: 'SMA',
        address: { street: 'Jl. A', rtRw: '001/002', village: 'V', district: 'D', regency: 'R' },
      },
    });
    expect(good.candidate).toMatchObject({ nik: '3577015208900001', phone: '+6281234567890' });
    const bad = registerCandidateSchema.safeParse({
      periodId: 1,
      workAreaId: 1,
      candidate: {
        nik: '123',
        name: '',
        phone: '021555',
        education: 'SD',
        address: { street: 'x', rtRw: '1-2', village: 'v', district: 'd', regency: 'r' },
      },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['candidate.nik', 'candidate.name', 'candidate.phone', 'candidate.address.rtRw']),
    );
    const byPath = Object.fromEntries(issueFields(bad.error!.issues).map((f) => [f.path, render('id', f)]));
    expect(byPath).toMatchObject({
      'candidate.nik': 'NIK harus 16 digit angka',
      'candidate.name': 'Nama wajib diisi',
      'candidate.phone': 'Nomor HP harus nomor seluler Indonesia: 08…, 628… atau +628… (10-13 digit)',
      'candidate.address.rtRw': 'RT/RW berformat 001/002',
    });
    const empty = registerCandidateSchema.safeParse({ periodId: 1, candidate: {} });
    expect(issueFields(empty.error!.issues).filter((f) => f.path !== 'candidate.education')).toEqual(
      expect.arrayContaining([
        { path: 'workAreaId', reason: 'WORK_AREA_REQUIRED', params: {} },
        { path: 'candidate.nik', reason: 'NIK_REQUIRED', params: {} },
        { path: 'candidate.phone', reason: 'PHONE_REQUIRED', params: {} },
        { path: 'candidate.name', reason: 'CANDIDATE_NAME_REQUIRED', params: {} },
      ]),
    );
  });

  it('scores say their bounds as parameters', () => {
    const fields = (score: unknown) => {
      const r = parseRecruitmentEvent({ type: 'RECORD_WRITTEN_TEST_SCORE', score });
      return r.ok ? [] : r.fields.map(({ reason, params }) => ({ reason, params }));
    };
    expect(fields(-1)).toEqual([{ reason: 'SCORE_TOO_SMALL', params: { minimum: 0 } }]);
    expect(fields(100.5)).toEqual([{ reason: 'SCORE_TOO_BIG', params: { maximum: 100 } }]);
    expect(fields(72.55)).toEqual([{ reason: 'SCORE_ONE_DECIMAL', params: {} }]);
    expect(fields('x')).toEqual([{ reason: 'SCORE_NOT_A_NUMBER', params: {} }]);
    expect(render('id', msg('SCORE_TOO_BIG', { maximum: 100 }))).toBe('Nilai paling besar 100');
  });

  it('one correction schema: the candidate as registered, a reason, the revision seen', () => {
    const input = {
      id: 3,
      revision: 2,
      reason: 'Salah ketik nama',
      name: 'Sri Wahyuni',
      phone: '0812-3456-7890',
      nik: '3577 0152 0890 0001',
      address: { street: 'Jl. A', rtRw: '001/002', village: 'V', district: 'D', regency: 'R' },
    };
    expect(correctCandidateSchema.parse(input)).toMatchObject({ nik: '3577015208900001', phone: '+6281234567890' });
    const short = correctCandidateSchema.safeParse({ ...input, reason: 'typo' });
    expect(issueFields(short.error!.issues)).toEqual([
      { path: 'reason', reason: 'CHANGE_REASON_TOO_SHORT', params: { minimum: CORRECTION_REASON_MIN_LENGTH } },
    ]);
    expect(render('id', issueFields(short.error!.issues)[0]!)).toBe('Alasan perubahan wajib diisi (paling sedikit 5 karakter)');
  });
});

describe('the catalogue sections', () => {
  it('never give one id twice (a later section would silently win)', () => {
    const sections = [commonMessages, httpMessages, recruitmentMessages, contractMessages, peopleMessages];
    const seen = new Map<string, number>();
    sections.forEach((section, i) => {
      for (const id of Object.keys(section)) {
        expect(seen.has(id), `${id} in sections ${seen.get(id)} and ${i}`).toBe(false);
        seen.set(id, i);
      }
    });
  });
});
