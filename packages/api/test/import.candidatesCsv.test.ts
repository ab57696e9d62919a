import { registerCandidateSchema, issueFields } from '@kader/workflow';
import { describe, expect, it } from 'vitest';
import {
  CANDIDATE_CSV_COLUMNS,
  CANDIDATE_IMPORT_LIMIT,
  candidatesCsvTemplate,
  parseCandidatesCsv,
} from '../src/import/candidatesCsv';
import { CANDIDATE_HEADER, candidateLine, candidatesCsv, testNik } from './candidateCsvRows';

const target = {
  periodId: 7,
  branchName: 'KC Madiun',
  workAreas: [
    { id: 11, name: 'Kota Madiun', regionCode: '35.77' },
    { id: 12, name: 'Kabupaten Ngawi', regionCode: '35.21' },
  ],
};
const where = (errors: { row: number; column: string; reason: string }[]) => errors.map((e) => [e.row, e.column, e.reason]);

describe('reading a CSV of candidates', () => {
  it('reads the template: one row, every column, the example in a work area of the period', () => {
    const csv = candidatesCsvTemplate('Kabupaten Ngawi');
    expect(csv.split('\r\n')[0]).toBe(CANDIDATE_CSV_COLUMNS.join(';'));
    const result = parseCandidatesCsv(csv, target);
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({
      row: 2,
      input: { periodId: 7, workAreaId: 12, heardFrom: 'BANNER', candidate: { education: 'SMA', phone: '+6281234567890' } },
    });
  });

  it('builds the register form input and checks it with the form schema: the same message ids, by row and column', () => {
    const csv = [
      CANDIDATE_HEADER,
      candidateLine(0, 'Kota Madiun'),
      candidateLine(1, 'Kota Madiun', { nik: '3577011234', telepon: '12345' }),
      candidateLine(2, 'kota madiun', { nama: '', rt_rw: '1-2' }),
      candidateLine(3, 'Madiun Raya', { pendidikan: 'SLTA' }),
      candidateLine(4, '35.21', { pendidikan: 'paket c' }),
    ].join('\n');
    const result = parseCandidatesCsv(csv, target);
    expect(where(result.errors)).toEqual([
      [3, 'nik', 'NIK_DIGITS'],
      [3, 'telepon', 'PHONE_INVALID'],
      [4, 'nama', 'CANDIDATE_NAME_REQUIRED'],
      [4, 'rt_rw', 'RT_RW_FORMAT'],
      [5, 'pendidikan', 'IMPORT_CELL_CHOOSE'],
      [5, 'wilayah_kerja', 'IMPORT_WORK_AREA_UNKNOWN'],
    ]);
    // the form's own check of the same values says the same
    const form = registerCandidateSchema.safeParse({
      periodId: 7,
      workAreaId: 11,
      candidate: {
        nik: '3577011234',
        name: 'X',
        phone: '12345',
        education: 'SMA',
        address: { street: 'J', rtRw: '001/002', village: 'V', district: 'D', regency: 'R' },
      },
    });
    expect(issueFields(form.error!.issues).map((f) => [f.path, f.reason, f.params])).toEqual(
      result.errors.slice(0, 2).map((e) => [e.column === 'nik' ? 'candidate.nik' : 'candidate.phone', e.reason, e.params]),
    );
    expect(result.errors[5]!.params).toMatchObject({ value: 'Madiun Raya', areas: ['Kota Madiun', 'Kabupaten Ngawi'] });
    // work areas by name (case aside) or region code; education by code or name
    expect(result.rows.map((r) => [r.row, r.input.workAreaId, r.input.candidate.education])).toEqual([
      [2, 11, 'SMA'],
      [6, 12, 'PAKET_C'],
    ]);
  });

  it('reports a NIK repeated in the file on the later row, naming the first', () => {
    const spaced = testNik(0).replace(/(\d{4})(?=\d)/g, '$1 ');
    const csv = [
      CANDIDATE_HEADER,
      candidateLine(0, 'Kota Madiun'),
      candidateLine(1, 'Kota Madiun'),
      candidateLine(0, 'Kota Madiun', { nik: spaced }),
    ].join('\n');
    const result = parseCandidatesCsv(csv, target);
    expect(result.errors).toMatchObject([{ row: 4, column: 'nik', reason: 'IMPORT_NIK_REPEATED', params: { firstRow: 2 } }]);
    expect(result.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('checks the header: missing and unknown columns, matched whatever their case; no row is trusted then', () => {
    const header = 'NIK,Nama,Telepon,Pendidikan,Jalan,RT RW,Kelurahan,Kecamatan,Kabupaten-Kota,catatan';
    const line = `${testNik(0)},Sri,081234567890,SMA,Jl. A,001/002,Kartoharjo,Kartoharjo,Kota Madiun,x`;
    const result = parseCandidatesCsv(`${header}\n${line}\n`, target);
    // the row's missing work area is the header's problem, not repeated on the row
    expect(where(result.errors)).toEqual([
      [1, 'catatan', 'CSV_UNKNOWN_COLUMN'],
      [1, 'wilayah_kerja', 'CSV_MISSING_COLUMN'],
    ]);
    expect(result.rows).toEqual([]);
  });

  it(`reads a file of ${CANDIDATE_IMPORT_LIMIT.rows} rows, and refuses one row more`, () => {
    const full = parseCandidatesCsv(candidatesCsv(CANDIDATE_IMPORT_LIMIT.rows, 'Kota Madiun'), target);
    expect(full.errors).toEqual([]);
    expect(full.rows).toHaveLength(2_000);
    expect(full.dataRows).toBe(2_000);
    expect(Buffer.byteLength(candidatesCsv(2_000, 'Kota Madiun'))).toBeLessThan(CANDIDATE_IMPORT_LIMIT.bytes / 2);
    const over = parseCandidatesCsv(candidatesCsv(CANDIDATE_IMPORT_LIMIT.rows + 1, 'Kota Madiun'), target);
    expect(over.rows).toEqual([]);
    expect(over.errors).toMatchObject([{ row: 2_002, reason: 'CSV_TOO_MANY_ROWS', params: { maximum: 2_000 } }]);
  });
});
