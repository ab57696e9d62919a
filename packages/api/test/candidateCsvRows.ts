/** CSV files of candidates for the import's tests: `count` valid rows with distinct NIKs, in the template's columns. */
export const CANDIDATE_HEADER = 'nik;nama;telepon;pendidikan;jalan;rt_rw;kelurahan;kecamatan;kabupaten_kota;wilayah_kerja';

/** A valid NIK for the `i`th test candidate (born 1980-1999, serial from 8000: none of the demo's). */
export function testNik(i: number): string {
  const dd = String(1 + (i % 28)).padStart(2, '0');
  const mm = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const yy = String(80 + (Math.floor(i / 336) % 20));
  return `357701${dd}${mm}${yy}${String(8000 + i).padStart(4, '0')}`;
}

export function candidateLine(i: number, area: string, over: Partial<Record<string, string>> = {}): string {
  const cells: Record<string, string> = {
    nik: testNik(i),
    nama: `Calon Impor ${i + 1}`,
    telepon: `0812${String(3000000 + i).padStart(7, '0')}`,
    pendidikan: 'SMA',
    jalan: `Jl. Merdeka ${i + 1}`,
    rt_rw: '001/002',
    kelurahan: 'Kartoharjo',
    kecamatan: 'Kartoharjo',
    kabupaten_kota: 'Kota Madiun',
    wilayah_kerja: area,
    ...over,
  };
  return CANDIDATE_HEADER.split(';')
    .map((c) => cells[c] ?? '')
    .join(';');
}

export function candidatesCsv(count: number, area: string, from = 0): string {
  const lines = [CANDIDATE_HEADER];
  for (let i = from; i < from + count; i++) lines.push(candidateLine(i, area));
  return `${lines.join('\r\n')}\r\n`;
}
