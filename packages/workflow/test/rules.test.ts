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
  registerCandidateSchema,
} from '../src/index';

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
    ['357701120385000', 'NIK harus 16 digit'],
    ['35770112038500011', 'NIK harus 16 digit'],
    ['3577011213850001', 'Bulan lahir'],
    ['3577013203850001', 'Tanggal lahir'], // day 32
    ['3577017203850001', 'Tanggal lahir'], // day 72 = 32 for a woman
    ['3577013002850001', 'bukan tanggal'], // 30 February
    ['3577012902850001', 'bukan tanggal'], // 29 February 1985 (not a leap year)
    ['3577017111850001', 'bukan tanggal'], // 71 - 40 = 31 November
    ['3577011203850000', 'Nomor urut'],
  ])('refuses %s (%s)', (nik, reason) => {
    const r = parseNik(nik, '2026-11-23');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
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
    expect(r).toEqual({ ok: false, fields: [{ path: 'startDate', message: expect.stringContaining('sebelum') }] });
    const other = parseRecruitmentEvent({ type: 'REJECT', reasonCode: 'OTHER' });
    expect(other).toMatchObject({ ok: false, fields: [{ path: 'note' }] });
    expect(parseRecruitmentEvent({ type: 'FLY' })).toMatchObject({ ok: false, fields: [{ path: 'type' }] });
    expect(parseRecruitmentEvent({ type: 'SCHEDULE_INTERVIEW', date: '2026-02-30', time: '25:00', place: 'x' })).toMatchObject({
      ok: false,
      fields: [{ path: 'date' }, { path: 'time' }, { path: 'place' }],
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
  });
});
