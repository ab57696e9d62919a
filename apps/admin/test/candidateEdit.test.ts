import { render } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import { candidateEditValues, checkCandidateEdit, toCandidateUpdate } from '../src/pages/application/CandidateEditForm';

/** The reason rule of the server's correction schema (`correctCandidateSchema`), which the form checks with. */
const REASON_TOO_SHORT = { reason: 'CHANGE_REASON_TOO_SHORT', params: { minimum: 5 } };

const candidate = {
  id: 4,
  revision: 3,
  piiMasked: false,
  nik: '3577015208990001',
  name: 'Siti Rahayu',
  phone: '+6281234567890',
  education: 'SMA',
  birthDate: '1999-08-12',
  sex: 'F' as const,
  address: { street: 'Jl. Pahlawan 12', rtRw: '003/007', village: 'Kartoharjo', district: 'Kartoharjo', regency: 'Kota Madiun' },
};

describe('"Ubah data calon"', () => {
  it('starts from what the page shows', () => {
    const v = candidateEditValues(candidate);
    expect(v.nik).toBe('3577 0152 0899 0001');
    expect(v.phone).toBe('0812-3456-7890');
    expect(v['address.rtRw']).toBe('003/007');
    expect(v.reason).toBe('');
  });
  it('needs a reason', () => {
    const v = candidateEditValues(candidate);
    expect(checkCandidateEdit(v)).toEqual({ reason: REASON_TOO_SHORT });
    expect(checkCandidateEdit({ ...v, reason: 'ok' })).toEqual({ reason: REASON_TOO_SHORT });
    expect(checkCandidateEdit({ ...v, reason: 'Salah ketik nama di KTP' })).toEqual({});
    expect(render('id', checkCandidateEdit(v).reason!)).toBe('Alasan perubahan wajib diisi (paling sedikit 5 karakter)');
  });
  it('checks NIK, phone and address like the registration', () => {
    const v = { ...candidateEditValues(candidate), reason: 'Salah ketik saat pendaftaran' };
    const errors = checkCandidateEdit({ ...v, nik: '3577015213990001', phone: '021-555', 'address.rtRw': '3-7', name: ' ' });
    expect(Object.keys(errors).sort()).toEqual(['address.rtRw', 'name', 'nik', 'phone']);
    expect(errors).toEqual({
      nik: { reason: 'NIK_BIRTH_MONTH', params: {} },
      phone: { reason: 'PHONE_INVALID', params: {} },
      'address.rtRw': { reason: 'RT_RW_FORMAT', params: {} },
      name: { reason: 'CANDIDATE_NAME_REQUIRED', params: { minimum: 1 } },
    });
  });
  it('sends the candidate’s revision with the data and the reason', () => {
    const v = { ...candidateEditValues(candidate), name: 'Siti  Rahayu Ningsih', reason: ' Nama sesuai KTP ' };
    expect(toCandidateUpdate(candidate, v)).toEqual({
      id: 4,
      revision: 3,
      reason: 'Nama sesuai KTP',
      name: 'Siti Rahayu Ningsih',
      phone: '0812-3456-7890',
      nik: '3577 0152 0899 0001',
      address: candidate.address,
    });
  });
});
