import { describe, expect, it } from 'vitest';
import { read } from './pdfText';
import {
  AgreementDocumentError,
  formatAgreementNumber,
  PAPER_SIZES,
  renderAgreementPdf,
  type AgreementDocument,
} from '../src/documents/index';

const FUNCTIONS = [
  'pengingat dan pengumpul iuran',
  'pemasaran sosial',
  'kepesertaan',
  'pemberi informasi',
  'penanganan pengaduan',
];

const base: AgreementDocument = {
  agreementNumber: 'PKS/007/KC-MDN/2026',
  branch: { name: 'Madiun', city: 'Madiun' },
  branchSignatory: { name: 'Dr. Hendra Wijaya', title: 'Kepala Kantor Cabang' },
  cadre: {
    name: 'Siti Rahayu',
    nik: '3577015208990001',
    birthDate: '1999-08-12',
    address: 'Jl. Pahlawan No. 12, RT 003/RW 002, Kelurahan Kartoharjo, Kecamatan Kartoharjo, Kota Madiun',
    phone: '+6281234567890',
  },
  workArea: 'Kabupaten Ngawi',
  familiesAssigned: 500,
  functions: FUNCTIONS,
  feeSchedule: {
    tiers: [
      { fromMonths: 2, toMonths: 6, rateBasisPoints: 700 },
      { fromMonths: 7, toMonths: 12, rateBasisPoints: 1000 },
      { fromMonths: 13, toMonths: 24, rateBasisPoints: 1500 },
    ],
  },
  startDate: '2026-12-01',
  endDate: '2027-11-30',
  signedOn: '2026-11-22',
  renewalOf: null,
};

const draftDoc: AgreementDocument = { ...base, agreementNumber: '(nomor menyusul)', signedOn: null };

describe('renderAgreementPdf: the final agreement', () => {
  it('prints the number, both parties, the area, the duties, the fees and the dates, with no draft mark', async () => {
    const r = await read(await renderAgreementPdf(base, { paper: 'A4', draft: false }));
    expect(r.text).toContain('PERJANJIAN KERJA SAMA');
    expect(r.text).toContain('KADER JKN');
    expect(r.text).toContain('PKS/007/KC-MDN/2026');
    expect(r.text).toContain('BPJS Kesehatan Kantor Cabang Madiun');
    expect(r.text).toContain('Dr. Hendra Wijaya');
    expect(r.text).toContain('Kepala Kantor Cabang');
    expect(r.text).toContain('Siti Rahayu');
    expect(r.text).toContain('3577 0152 0899 0001');
    expect(r.text).toContain('12 Agustus 1999');
    expect(r.text).toContain('0812-3456-7890');
    expect(r.text).toContain('Kabupaten Ngawi');
    expect(r.text).toContain('500 (lima ratus) keluarga binaan');
    for (const f of FUNCTIONS) expect(r.text).toContain(f);
    expect(r.text).toMatch(/2.6 bulan 7%/);
    expect(r.text).toMatch(/7.12 bulan 10%/);
    expect(r.text).toMatch(/13.24 bulan 15%/);
    expect(r.text).toContain('iuran tertunggak yang berhasil dikumpulkan');
    expect(r.text).toContain('Tidak ada gaji pokok');
    expect(r.text).toContain('kader tidak menerima pembayaran tunai');
    expect(r.text).toContain('1 (satu) tahun');
    expect(r.text).toContain('1 Desember 2026');
    expect(r.text).toContain('30 November 2027');
    expect(r.text).toContain('dapat diperpanjang berdasarkan evaluasi kinerja tahunan');
    expect(r.text).toContain('Pengakhiran'.toUpperCase());
    expect(r.text).toContain('Minggu, tanggal 22 November 2026');
    expect(r.text).toContain('Madiun, 22 November 2026');
    expect(r.text).toContain('PIHAK PERTAMA');
    expect(r.text).toContain('PIHAK KEDUA');
    expect(r.text).toContain('e-meterai');
    expect(r.text).not.toMatch(/draf/i);
    expect(r.text).not.toContain('belum ditandatangani');
  });

  it('numbers every page and sets the metadata from the document, dated by the signing', async () => {
    const r = await read(await renderAgreementPdf(base, { paper: 'A4', draft: false }));
    const n = r.pages.length;
    r.pages.forEach((p, i) => expect(p.text).toContain(`Halaman ${i + 1} dari ${n}`));
    expect(r.info.Title).toBe('Perjanjian Kerja Sama Kader JKN PKS/007/KC-MDN/2026');
    expect(String(r.info.Subject)).toContain('Siti Rahayu');
    expect(r.info.Producer).toBe('Kader');
    expect(r.info.CreationDate).toMatch(/^D:20261122/);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const a = await renderAgreementPdf(base, { paper: 'F4', draft: false });
    const b = await renderAgreementPdf(base, { paper: 'F4', draft: false });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('takes the creation date when one is passed', async () => {
    const r = await read(await renderAgreementPdf(base, { paper: 'A4', draft: false, createdAt: '2026-11-25' }));
    expect(r.info.CreationDate).toMatch(/^D:20261125/);
  });

  it('names the previous agreement on a renewal', async () => {
    const renewal = { ...base, agreementNumber: 'PKS/031/KC-MDN/2027', renewalOf: 'PKS/007/KC-MDN/2026' };
    const r = await read(await renderAgreementPdf(renewal, { paper: 'A4', draft: false }));
    expect(r.text).toContain('PKS/031/KC-MDN/2027');
    expect(r.text).toContain('perpanjangan dari Perjanjian Kerja Sama Nomor PKS/007/KC-MDN/2026');
  });

  it('refuses a final agreement without a signing date', async () => {
    await expect(renderAgreementPdf({ ...base, signedOn: null }, { paper: 'A4', draft: false })).rejects.toThrow(
      AgreementDocumentError,
    );
    await expect(renderAgreementPdf({ ...base, signedOn: null }, { paper: 'A4', draft: false })).rejects.toMatchObject({
      reason: { reason: 'AGREEMENT_DOCUMENT_INVALID', params: { problem: 'SIGNED_ON_MISSING', value: '' } },
    });
  });

  it('refuses impossible dates and an end before the start', async () => {
    await expect(renderAgreementPdf({ ...base, endDate: '2027-02-30' }, { paper: 'A4', draft: false })).rejects.toThrow(
      /tanggal berakhir/,
    );
    await expect(renderAgreementPdf({ ...base, endDate: '2026-01-01' }, { paper: 'A4', draft: false })).rejects.toThrow(
      /sebelum tanggal mulai/,
    );
  });
});

describe('renderAgreementPdf: the draft', () => {
  it('is marked DRAF on every page, leaves the signing date open and still shows everything else', async () => {
    const r = await read(await renderAgreementPdf(draftDoc, { paper: 'A4', draft: true }));
    for (const p of r.pages) {
      expect(p.text).toContain('DRAF \u2014 belum ditandatangani');
      // the header plus the diagonal watermark
      expect(p.text.match(/DRAF/g)?.length).toBeGreaterThanOrEqual(2);
    }
    expect(r.text).toContain('(nomor menyusul)');
    expect(r.text).toContain('Siti Rahayu');
    expect(r.text).toContain('3577 0152 0899 0001');
    expect(r.text).toContain('e-meterai');
    expect(r.text).toContain('1 Desember 2026');
    expect(r.text).not.toContain('22 November 2026');
    expect(r.text).toMatch(/Madiun, \.{10,}/);
    expect(r.info.CreationDate).toBeUndefined();
  });
});

describe('renderAgreementPdf: paper', () => {
  for (const paper of ['A4', 'F4'] as const) {
    for (const draft of [true, false]) {
      it(`${paper} ${draft ? 'draft' : 'final'}: every page has the paper's size`, async () => {
        const r = await read(await renderAgreementPdf(draft ? draftDoc : base, { paper, draft }));
        const [w, h] = PAPER_SIZES[paper];
        expect(r.pages.length).toBeGreaterThan(0);
        for (const p of r.pages) {
          expect(p.width).toBeCloseTo(w, 1);
          expect(p.height).toBeCloseTo(h, 1);
        }
        expect(r.text).toContain('Siti Rahayu');
        expect(r.text).toContain(draft ? '(nomor menyusul)' : 'PKS/007/KC-MDN/2026');
        expect(/DRAF/.test(r.text)).toBe(draft);
      });
    }
  }

  it('A4 is 210 × 297 mm and F4 is 215 × 330 mm', () => {
    const mm = (pt: number) => (pt / 72) * 25.4;
    expect(mm(PAPER_SIZES.A4[0])).toBeCloseTo(210, 0);
    expect(mm(PAPER_SIZES.A4[1])).toBeCloseTo(297, 0);
    expect(mm(PAPER_SIZES.F4[0])).toBeCloseTo(215, 1);
    expect(mm(PAPER_SIZES.F4[1])).toBeCloseTo(330, 1);
  });
});

describe('renderAgreementPdf: long text', () => {
  const longFunctions = Array.from(
    { length: 40 },
    (_, i) =>
      `Fungsi tambahan nomor ${i + 1}: mengunjungi keluarga binaan, mengingatkan pembayaran iuran, mencatat hasil kunjungan dan melaporkannya kepada Kantor Cabang setiap bulan`,
  );

  it('wraps a long duties list and flows it onto further pages without losing text', async () => {
    const doc = { ...base, functions: longFunctions };
    const r = await read(await renderAgreementPdf(doc, { paper: 'A4', draft: false }));
    const short = await read(await renderAgreementPdf(base, { paper: 'A4', draft: false }));
    expect(r.pages.length).toBeGreaterThan(short.pages.length);
    for (const f of longFunctions) expect(r.text).toContain(f);
    // the list itself crosses a page break
    const pageOf = (s: string) => r.pages.findIndex((p) => p.text.replace(/\s+/g, ' ').includes(s));
    expect(pageOf('Fungsi tambahan nomor 40:')).toBeGreaterThan(pageOf('Fungsi tambahan nomor 1:'));
    // and everything after it is still there
    expect(r.text).toContain('e-meterai');
    expect(r.text).toMatch(/13.24 bulan 15%/);
    expect(r.text).toContain('Madiun, 22 November 2026');
  });

  it('prints characters the standard font cannot encode as plain text instead of failing', async () => {
    const doc = {
      ...base,
      cadre: { ...base.cadre, address: 'Jl. \u201CMawar\u201D \u2022 Blok A\u2026 Desa Ng\u0101wi' },
    };
    const r = await read(await renderAgreementPdf(doc, { paper: 'A4', draft: false }));
    expect(r.text).toContain('Jl. "Mawar" - Blok A... Desa Ngawi');
  });
});

describe('formatAgreementNumber', () => {
  it('fills a branch pattern', () => {
    expect(formatAgreementNumber('PKS/{seq:3}/KC-{kode}/{yyyy}', { sequence: 7, date: '2026-11-22', branchCode: 'MDN' })).toBe(
      'PKS/007/KC-MDN/2026',
    );
    expect(formatAgreementNumber('{seq}/PKS/{romawi}/{yy}', { sequence: 12, date: '2027-04-01' })).toBe('12/PKS/IV/27');
  });

  it('refuses an unknown token', () => {
    expect(() => formatAgreementNumber('PKS/{nomor}', { sequence: 1, date: '2026-11-22' })).toThrow(/UNKNOWN_TOKEN/);
  });
});
