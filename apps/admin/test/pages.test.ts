import { render } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { translateDynamic } from '../src/i18n';
import { payloadSummary } from '../src/pages/application/Timeline';
import { checkRegistration } from '../src/pages/RegisterPage';

const valid = {
  periodId: '2',
  workAreaId: '1',
  'candidate.nik': '3577 0152 0899 0001',
  'candidate.name': 'Siti Rahayu',
  'candidate.phone': '0812-3456-7890',
  'candidate.education': 'SMA',
  'candidate.address.street': 'Jl. Pahlawan 12',
  'candidate.address.rtRw': '003/007',
  'candidate.address.village': 'Kartoharjo',
  'candidate.address.district': 'Kartoharjo',
  'candidate.address.regency': 'Kota Madiun',
};

describe('register form: checked with the server’s registerCandidateSchema', () => {
  it('accepts a complete registration', () => {
    expect(checkRegistration(valid)).toEqual({});
  });
  it('puts each problem on its field path', () => {
    const errors = checkRegistration({
      ...valid,
      workAreaId: '',
      'candidate.nik': '3577015213990001', // month 13
      'candidate.phone': '021-555-1234',
      'candidate.education': '',
      'candidate.address.rtRw': '3-7',
    });
    expect(Object.keys(errors).sort()).toEqual([
      'candidate.address.rtRw',
      'candidate.education',
      'candidate.nik',
      'candidate.phone',
      'workAreaId',
    ]);
    expect(errors['candidate.education']).toEqual({ reason: 'FIELD_REQUIRED', params: {} });
    expect(errors['candidate.nik']).toEqual({ reason: 'NIK_BIRTH_MONTH', params: {} });
    expect(errors.workAreaId).toEqual({ reason: 'WORK_AREA_REQUIRED', params: {} });
    expect(render('id', errors['candidate.nik']!)).toBe('Bulan lahir pada NIK (digit 9-10) tidak valid');
    expect(render('en', errors.workAreaId!)).toBe('Choose a work area');
  });
});

describe('history payload summary', () => {
  const td = (key: string, fallback: string) => translateDynamic('id', key, fallback);
  const option = (type: string, field: string, value: string) =>
    field === 'document' ? td(`doc.${value}`, value) : td(`${type === 'WITHDRAW' ? 'withdrawal' : 'rejection'}.${value}`, value);
  it('formats dates, times, scores and codes; skips empty and nested values', () => {
    expect(
      payloadSummary(
        'SCHEDULE_INTERVIEW',
        { date: '2026-11-28', time: '13:30', place: 'Aula' },
        'id',
        'Asia/Makassar',
        td,
        option,
      ),
    ).toBe('Tanggal: 28 Nov 2026 · Waktu: 13.30 WITA · Tempat: Aula');
    expect(payloadSummary('RECORD_WRITTEN_TEST_SCORE', { score: 72.5, notes: '' }, 'id', 'Asia/Jakarta', td, option)).toBe(
      'Nilai: 72,5',
    );
    expect(payloadSummary('WITHDRAW', { reasonCode: 'MOVED_AWAY', note: '' }, 'id', 'Asia/Jakarta', td, option)).toBe(
      'Alasan: Pindah domisili',
    );
    expect(payloadSummary('REGISTERED', { input: { rules: {} } }, 'id', 'Asia/Jakarta', td, option)).toBe('');
    expect(payloadSummary('X', null, 'id', 'Asia/Jakarta', td, option)).toBe('');
  });
});
