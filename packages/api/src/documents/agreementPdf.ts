/**
 * The work agreement (Perjanjian Kerja Sama, PKS) between a BPJS Kesehatan branch office and a
 * Kader JKN, as a PDF: a watermarked draft before signing, the final after (domain A, B0, B2, B3).
 *
 * Pure: the same document and options give the same bytes (no clock, no randomness, no I/O).
 * Text is Bahasa Indonesia in the standard Helvetica fonts (WinAnsi: see `sanitizeText`).
 */
import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import {
  dayName,
  formatBasisPoints,
  formatDate,
  formatNik,
  formatNumber,
  formatPhone,
  type Message,
  msg,
  normalizePhone,
  parseIsoDate,
  render,
} from '@kader/workflow';
import { isoDateToUtc, terbilang, wholeYears } from './format';
import { drawLine, FlowLayout, lineHeight, type TextStyle } from './layout';

export type FeeTier = { fromMonths: number; toMonths: number; rateBasisPoints: number };

export type AgreementDocument = {
  /** e.g. "PKS/007/KC-MDN/2026", or a placeholder for a draft that has no number yet. */
  agreementNumber: string;
  /** Party one: BPJS Kesehatan Kantor Cabang <name>, seated in <city>. */
  branch: { name: string; city: string };
  branchSignatory: { name: string; title: string };
  cadre: { name: string; nik: string; birthDate: string; address: string; phone: string };
  /** Regency or city. */
  workArea: string;
  /** Fostered families (keluarga binaan), usually 500. */
  familiesAssigned: number;
  /** The cadre functions, in Indonesian. */
  functions: string[];
  feeSchedule: { tiers: FeeTier[] };
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  endDate: string;
  /** YYYY-MM-DD; null for a draft. */
  signedOn: string | null;
  /** The previous agreement number, for a renewal. */
  renewalOf: string | null;
};

export type Paper = 'A4' | 'F4';

export type AgreementPdfOptions = {
  paper: Paper;
  /** A draft carries a diagonal "DRAF" watermark and a "belum ditandatangani" header. */
  draft: boolean;
  /**
   * The PDF creation date (metadata only). Defaults to the signing date; a draft without one
   * carries no creation date, so the output stays deterministic.
   */
  createdAt?: Date | string;
};

/** Page sizes in PDF points (1/72 in): A4 210 × 297 mm; F4/Folio 215 × 330 mm. */
export const PAPER_SIZES: Record<Paper, [number, number]> = {
  A4: [595.28, 841.89],
  F4: [609.45, 935.43],
};

export const DRAFT_WATERMARK = 'DRAF';
export const DRAFT_HEADER = 'DRAF \u2014 belum ditandatangani';
export const E_METERAI_LABEL = 'e-meterai';

/**
 * Why a document cannot be printed (AGREEMENT_DOCUMENT_INVALID); the renderer throws it before
 * drawing anything. The services build documents from checked data, so this is a bug upstream.
 */
export class AgreementDocumentError extends Error {
  override name = 'AgreementDocumentError';
  readonly reason: Message;
  constructor(problem: string, value = '') {
    const reason = msg('AGREEMENT_DOCUMENT_INVALID', { problem, value });
    super(render('id', reason));
    this.reason = reason;
  }
}

// The printed agreement is Indonesian whatever the reader's language: dates and numbers as the
// shared format module writes them in Indonesian.
const tanggal = (iso: string) => formatDate(iso, 'id', 'long');

const DOTS_SHORT = '..................';
const DOTS_LONG = '....................................';

export async function renderAgreementPdf(doc: AgreementDocument, opts: AgreementPdfOptions): Promise<Uint8Array> {
  validate(doc, opts);
  const pageSize = PAPER_SIZES[opts.paper];
  if (!pageSize) throw new AgreementDocumentError('PAPER', String(opts.paper));

  const pdf = await PDFDocument.create({ updateMetadata: false });
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  const body: TextStyle = { font: regular, size: 10.5 };
  const strong: TextStyle = { font: bold, size: 10.5 };
  const small: TextStyle = { font: regular, size: 8.5, color: rgb(0.3, 0.3, 0.3) };
  const title: TextStyle = { font: bold, size: 13, leading: 1.3 };

  const number = doc.agreementNumber.trim() || DOTS_LONG;
  const kc = `Kantor Cabang ${doc.branch.name}`;
  const mm = 72 / 25.4;
  const margins = { top: 25 * mm, right: 22 * mm, bottom: 22 * mm, left: 25 * mm };

  const layout = new FlowLayout(pdf, pageSize, margins, (page) => {
    if (opts.draft) drawWatermark(page, bold);
    const [w, h] = pageSize;
    const top = h - 12 * mm;
    const headerStyle: TextStyle = opts.draft
      ? { font: bold, size: 9, color: rgb(0.62, 0.1, 0.1) }
      : { font: regular, size: 8.5, color: rgb(0.3, 0.3, 0.3) };
    const boxWidth = w - margins.left - margins.right;
    drawLine(page, opts.draft ? DRAFT_HEADER : `BPJS Kesehatan ${kc}`, margins.left, top, headerStyle);
    drawLine(page, `Nomor: ${number}`, margins.left, top, small, 'right', boxWidth);
    const ruleY = top - lineHeight(headerStyle) - 2;
    page.drawLine({
      start: { x: margins.left, y: ruleY },
      end: { x: w - margins.right, y: ruleY },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
  });

  // --- Title ---------------------------------------------------------------------------------
  const centered = { align: 'center' as const };
  for (const line of [
    'PERJANJIAN KERJA SAMA',
    'ANTARA',
    `BPJS KESEHATAN ${kc.toUpperCase()}`,
    'DENGAN',
    doc.cadre.name.toUpperCase(),
    'TENTANG KEMITRAAN KADER JKN',
  ]) {
    layout.paragraph(line, title, centered);
  }
  layout.space(4);
  layout.paragraph(`Nomor: ${number}`, strong, centered);
  if (doc.renewalOf) layout.paragraph(`Perpanjangan dari PKS Nomor: ${doc.renewalOf}`, body, centered);
  layout.space(14);

  // --- Parties -------------------------------------------------------------------------------
  const gap = 6;
  const signed = doc.signedOn;
  layout.paragraph(
    signed
      ? `Pada hari ini, ${dayName(signed, 'id')}, tanggal ${tanggal(signed)}, bertempat di ${doc.branch.city}, yang bertanda tangan di bawah ini:`
      : `Pada hari ini, ${DOTS_SHORT}, tanggal ${DOTS_LONG}, bertempat di ${doc.branch.city}, yang bertanda tangan di bawah ini:`,
    body,
  );
  layout.space(gap);
  layout.paragraph(
    `${doc.branchSignatory.name}, ${doc.branchSignatory.title} BPJS Kesehatan ${kc}, dalam hal ini bertindak untuk dan atas nama BPJS Kesehatan ${kc}, berkedudukan di ${doc.branch.city}, selanjutnya disebut PIHAK PERTAMA.`,
    body,
    { label: '1.', labelWidth: 18 },
  );
  layout.space(gap);
  const identity: [string, string][] = [
    ['Nama', doc.cadre.name],
    ['NIK', formatNik(doc.cadre.nik)],
    ['Tanggal lahir', tanggal(doc.cadre.birthDate)],
    ['Alamat', doc.cadre.address],
    ['Nomor telepon', formatPhone(normalizePhone(doc.cadre.phone) ?? doc.cadre.phone)],
  ];
  layout.ensure((identity.length + 2) * lineHeight(body));
  identity.forEach(([label, value], i) => {
    layout.paragraph(value, body, { indent: 18, label, labelWidth: 84, colon: true, ...(i === 0 ? { outerLabel: '2.' } : {}) });
  });
  layout.paragraph('dalam hal ini bertindak untuk dan atas nama diri sendiri, selanjutnya disebut PIHAK KEDUA.', body, {
    indent: 18,
  });
  layout.space(gap);
  if (doc.renewalOf) {
    layout.paragraph(
      `Perjanjian ini merupakan perpanjangan dari Perjanjian Kerja Sama Nomor ${doc.renewalOf}, berdasarkan hasil evaluasi kinerja tahunan PIHAK KEDUA.`,
      body,
    );
    layout.space(gap);
  }
  layout.paragraph(
    'PIHAK PERTAMA dan PIHAK KEDUA, yang selanjutnya secara bersama-sama disebut PARA PIHAK, sepakat untuk mengadakan Perjanjian Kerja Sama Kader JKN (selanjutnya disebut "Perjanjian") dengan ketentuan sebagai berikut:',
    body,
  );

  // --- Articles ------------------------------------------------------------------------------
  let pasal = 0;
  const article = (heading: string) => {
    pasal += 1;
    layout.space(12);
    const followRoom = 3 * lineHeight(body);
    layout.paragraph(`Pasal ${pasal}`, strong, { align: 'center', keepWithNext: lineHeight(strong) + followRoom });
    layout.paragraph(heading.toUpperCase(), strong, { align: 'center', keepWithNext: followRoom });
    layout.space(3);
  };
  /** A numbered ayat "(n)", or plain text when the article has a single one (n = 0). */
  const clause = (n: number, text: string) => {
    layout.paragraph(text, body, n ? { label: `(${n})`, labelWidth: 24 } : {});
    layout.space(2);
  };

  const families = `${formatNumber(doc.familiesAssigned, 'id')} (${terbilang(doc.familiesAssigned)})`;
  article('Ruang Lingkup dan Wilayah Kerja');
  clause(
    1,
    'PIHAK PERTAMA menunjuk PIHAK KEDUA sebagai Kader JKN, yaitu mitra BPJS Kesehatan berdasarkan hubungan kemitraan yang menjalankan sebagian fungsi BPJS Kesehatan dalam wilayah tertentu, dan PIHAK KEDUA menerima penunjukan tersebut.',
  );
  clause(
    2,
    `Wilayah kerja PIHAK KEDUA adalah ${doc.workArea}, dengan ${families} keluarga binaan peserta Pekerja Bukan Penerima Upah (PBPU) yang ditetapkan oleh PIHAK PERTAMA dan dikunjungi secara berkala setiap bulan.`,
  );
  clause(3, 'Hubungan PARA PIHAK adalah hubungan kemitraan, bukan hubungan kerja. PIHAK KEDUA bukan pegawai BPJS Kesehatan.');

  article('Tugas dan Fungsi');
  clause(1, 'PIHAK KEDUA menjalankan fungsi Kader JKN sebagai berikut:');
  doc.functions.forEach((f, i) => {
    layout.paragraph(f, body, { indent: 24, label: listLabel(i, doc.functions.length), labelWidth: 20 });
  });
  layout.space(2);
  clause(
    2,
    'PIHAK KEDUA menyampaikan laporan bulanan kegiatannya kepada PIHAK PERTAMA tepat waktu dan menghadiri rapat evaluasi yang diselenggarakan PIHAK PERTAMA.',
  );
  clause(3, 'Dalam menjalankan tugasnya PIHAK KEDUA memakai atribut resmi Kader JKN dan menjaga kerahasiaan data peserta.');

  article('Imbal Jasa');
  clause(
    1,
    'PIHAK KEDUA berhak atas imbal jasa yang dibayarkan atas iuran tertunggak yang berhasil dikumpulkan dari keluarga binaan, sebesar persentase dari iuran tertunggak yang terkumpul menurut lama tunggakan sebagai berikut:',
  );
  const tiers = [...doc.feeSchedule.tiers].sort((a, b) => a.fromMonths - b.fromMonths);
  const tableWidth = Math.min(layout.contentWidth - 24, 330);
  layout.table(
    [
      { width: tableWidth * 0.55, align: 'left' },
      { width: tableWidth * 0.45, align: 'center' },
    ],
    ['Lama tunggakan iuran', 'Imbal jasa'],
    tiers.map((t) => [tierLabel(t), formatBasisPoints(t.rateBasisPoints, 'id')]),
    body,
    strong,
    { indent: 24, headerFill: rgb(0.92, 0.92, 0.92) },
  );
  layout.space(6);
  clause(
    2,
    'Tidak ada gaji pokok. Imbal jasa sebagaimana dimaksud pada ayat (1) merupakan satu-satunya pembayaran kepada PIHAK KEDUA berdasarkan Perjanjian ini dan dihitung setiap bulan.',
  );
  clause(
    3,
    'Peserta membayar iuran melalui kanal pembayaran resmi BPJS Kesehatan; kader tidak menerima pembayaran tunai dari peserta.',
  );

  article('Jangka Waktu');
  const years = wholeYears(doc.startDate, doc.endDate);
  const span = `terhitung sejak tanggal ${tanggal(doc.startDate)} sampai dengan tanggal ${tanggal(doc.endDate)}`;
  clause(
    0,
    years ? `Perjanjian ini berlaku selama ${years} (${terbilang(years)}) tahun, ${span}.` : `Perjanjian ini berlaku ${span}.`,
  );

  article('Evaluasi dan Perpanjangan');
  clause(
    1,
    'PIHAK PERTAMA mengevaluasi kinerja PIHAK KEDUA secara berkala, antara lain atas kehadiran dalam rapat evaluasi, ketepatan waktu laporan bulanan, jumlah kunjungan kepada keluarga binaan, dan jumlah tunggakan iuran yang terkumpul.',
  );
  clause(
    2,
    'Perjanjian ini dapat diperpanjang berdasarkan evaluasi kinerja tahunan, dengan Perjanjian baru yang ditandatangani PARA PIHAK.',
  );

  article('Pengakhiran');
  clause(1, 'Perjanjian ini berakhir dengan sendirinya pada akhir jangka waktunya apabila tidak diperpanjang.');
  clause(
    2,
    'PIHAK PERTAMA dapat mengakhiri Perjanjian ini sebelum jangka waktunya berakhir apabila PIHAK KEDUA tidak memenuhi kewajibannya, melanggar ketentuan Perjanjian ini, atau tidak lagi memenuhi persyaratan sebagai Kader JKN, dengan pemberitahuan tertulis.',
  );
  clause(3, 'PIHAK KEDUA dapat mengundurkan diri dengan pemberitahuan tertulis kepada PIHAK PERTAMA.');
  clause(
    4,
    'Imbal jasa atas iuran tertunggak yang telah terkumpul sampai dengan tanggal berakhirnya Perjanjian tetap dibayarkan kepada PIHAK KEDUA.',
  );

  // The closing article stays on the page with the signatures: no signature page without text.
  const closing =
    'Perjanjian ini dibuat dalam rangkap 2 (dua), dibubuhi e-meterai, dan masing-masing mempunyai kekuatan hukum yang sama.';
  const placeDate = `${doc.branch.city}, ${signed ? tanggal(signed) : DOTS_LONG}`;
  const signatures = signatureBlock(layout, doc, { body, strong, small, kc });
  const placeDateHeight = lineHeight(body) * 1.6;
  const closingHeight =
    12 + 2 * lineHeight(strong) + 3 + layout.measure(closing, body) + 2 + 10 + placeDateHeight + signatures.height;
  layout.ensure(Math.min(closingHeight, layout.pageContentHeight));
  article('Penutup');
  clause(0, closing);

  // --- Place, date and signatures ---------------------------------------------------------------
  layout.space(10);
  layout.block(placeDateHeight + signatures.height, (page, top) => {
    drawLine(page, placeDate, margins.left, top, body, 'center', layout.contentWidth);
    signatures.paint(page, top - placeDateHeight);
  });

  // --- Page numbers, metadata ---------------------------------------------------------------
  const total = layout.pages.length;
  layout.pages.forEach((page, i) => {
    drawLine(page, `Halaman ${i + 1} dari ${total}`, margins.left, 12 * mm + 10, small, 'center', layout.contentWidth);
  });

  const created = opts.createdAt ?? signed;
  pdf.setTitle(`Perjanjian Kerja Sama Kader JKN ${doc.agreementNumber.trim()}`.trim());
  pdf.setSubject(`${opts.draft ? 'Draf ' : ''}PKS Kader JKN antara BPJS Kesehatan ${kc} dan ${doc.cadre.name}`);
  pdf.setAuthor(`BPJS Kesehatan ${kc}`);
  pdf.setKeywords(['PKS', 'Kader JKN', ...(opts.draft ? ['draf'] : [])]);
  pdf.setProducer('Kader');
  pdf.setCreator('Kader');
  pdf.setLanguage('id-ID');
  if (created) {
    const date = typeof created === 'string' ? isoDateToUtc(created) : created;
    pdf.setCreationDate(date);
    pdf.setModificationDate(date);
  }
  return pdf.save();
}

/** "a."…"z." for up to 26 items, "1."… beyond that. */
function listLabel(i: number, count: number): string {
  return count <= 26 ? `${String.fromCharCode(97 + i)}.` : `${i + 1}.`;
}

/** `2–6 bulan`, `7 bulan`, or `25 bulan atau lebih` for an open end. */
function tierLabel(t: FeeTier): string {
  if (!Number.isFinite(t.toMonths)) return `${t.fromMonths} bulan atau lebih`;
  return t.fromMonths === t.toMonths ? `${t.fromMonths} bulan` : `${t.fromMonths}\u2013${t.toMonths} bulan`;
}

function drawWatermark(page: PDFPage, font: PDFFont): void {
  const { width, height } = page.getSize();
  const angle = Math.atan2(height, width);
  const size = (Math.hypot(width, height) * 0.5) / font.widthOfTextAtSize(DRAFT_WATERMARK, 1);
  const w = font.widthOfTextAtSize(DRAFT_WATERMARK, size);
  const h = font.heightAtSize(size, { descender: false });
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  // Place the rotated text so that its centre is the centre of the page.
  page.drawText(DRAFT_WATERMARK, {
    x: width / 2 - (w / 2) * cos + (h / 2) * sin,
    y: height / 2 - (w / 2) * sin - (h / 2) * cos,
    size,
    font,
    color: rgb(0.87, 0.87, 0.87),
    rotate: degrees((angle * 180) / Math.PI),
  });
}

/** Both parties side by side; the cadre's column holds the e-meterai box inside the signing space. */
function signatureBlock(
  layout: FlowLayout,
  doc: AgreementDocument,
  s: { body: TextStyle; strong: TextStyle; small: TextStyle; kc: string },
): { height: number; paint: (page: PDFPage, top: number) => void } {
  const gutter = 24;
  const colWidth = (layout.contentWidth - gutter) / 2;
  const lh = lineHeight(s.body);
  const wrap = (text: string, style: TextStyle) => layout.wrap(text, style, colWidth);
  const columns = [
    {
      head: [...wrap('PIHAK PERTAMA', s.strong), ...wrap(`BPJS Kesehatan ${s.kc}`, s.body)],
      name: wrap(doc.branchSignatory.name, s.strong),
      foot: wrap(doc.branchSignatory.title, s.body),
      meterai: false,
    },
    {
      head: [...wrap('PIHAK KEDUA', s.strong), ...wrap('Kader JKN', s.body)],
      name: wrap(doc.cadre.name, s.strong),
      foot: [] as string[],
      meterai: true,
    },
  ];
  const headLines = Math.max(...columns.map((c) => c.head.length));
  const signSpace = 78;
  const nameLines = Math.max(...columns.map((c) => c.name.length));
  const footLines = Math.max(...columns.map((c) => c.foot.length));
  const height = (headLines + nameLines + footLines) * lh + signSpace;

  const paint = (page: PDFPage, top: number) => {
    columns.forEach((col, ci) => {
      const x = layout.margins.left + ci * (colWidth + gutter);
      col.head.forEach((line, i) => drawLine(page, line, x, top - i * lh, i === 0 ? s.strong : s.body, 'center', colWidth));
      const signTop = top - headLines * lh;
      if (col.meterai) {
        const boxW = 96;
        const boxH = 54;
        const bx = x + (colWidth - boxW) / 2;
        const by = signTop - (signSpace - boxH) / 2 - boxH;
        page.drawRectangle({
          x: bx,
          y: by,
          width: boxW,
          height: boxH,
          borderColor: rgb(0.45, 0.45, 0.45),
          borderWidth: 0.8,
          borderDashArray: [3, 2],
        });
        drawLine(page, E_METERAI_LABEL, bx, by + boxH / 2 + lineHeight(s.small) / 2, s.small, 'center', boxW);
      }
      const nameTop = signTop - signSpace;
      col.name.forEach((line, i) => {
        drawLine(page, line, x, nameTop - i * lh, s.strong, 'center', colWidth);
      });
      // Underline the last line of the name, as on a signed letter.
      const last = col.name[col.name.length - 1] ?? '';
      const w = s.strong.font.widthOfTextAtSize(last, s.strong.size);
      const underlineY = nameTop - col.name.length * lh + lh * 0.12;
      page.drawLine({
        start: { x: x + (colWidth - w) / 2, y: underlineY },
        end: { x: x + (colWidth + w) / 2, y: underlineY },
        thickness: 0.6,
      });
      col.foot.forEach((line, i) => drawLine(page, line, x, nameTop - (nameLines + i) * lh, s.body, 'center', colWidth));
    });
  };
  return { height, paint };
}

function validate(doc: AgreementDocument, opts: AgreementPdfOptions): void {
  const fail = (problem: string, value: string | number = ''): never => {
    throw new AgreementDocumentError(problem, String(value));
  };
  const date = (value: string, problem: string) => {
    if (!parseIsoDate(value)) fail(problem, value);
  };
  if (!opts.draft && !doc.signedOn) fail('SIGNED_ON_MISSING');
  if (!opts.draft && !doc.agreementNumber.trim()) fail('NUMBER_MISSING');
  date(doc.startDate, 'START_DATE');
  date(doc.endDate, 'END_DATE');
  date(doc.cadre.birthDate, 'BIRTH_DATE');
  if (doc.signedOn) date(doc.signedOn, 'SIGNED_ON');
  if (doc.endDate < doc.startDate) fail('END_BEFORE_START');
  if (!Number.isSafeInteger(doc.familiesAssigned) || doc.familiesAssigned < 0) fail('FAMILIES', doc.familiesAssigned);
  if (!doc.cadre.name.trim()) fail('CADRE_NAME');
  if (doc.functions.length === 0 || doc.functions.some((f) => !f.trim())) fail('FUNCTIONS');
  if (doc.feeSchedule.tiers.length === 0) fail('FEE_TABLE');
  for (const t of doc.feeSchedule.tiers) {
    const months = Number.isInteger(t.fromMonths) && (Number.isInteger(t.toMonths) || t.toMonths === Infinity);
    if (!months || t.fromMonths < 0 || t.toMonths < t.fromMonths) fail('FEE_TIER', `${t.fromMonths}–${t.toMonths}`);
    if (!Number.isInteger(t.rateBasisPoints) || t.rateBasisPoints < 0) fail('FEE_RATE', t.rateBasisPoints);
  }
}
