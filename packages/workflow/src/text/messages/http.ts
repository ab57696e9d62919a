/** Refusals of the HTTP layer, before or around tRPC: addresses, methods, sizes, cross-site and batch checks. */
import { m, text } from '../message';

export const httpMessages = {
  PROCEDURE_NOT_FOUND: text('Prosedur ini tidak ada.', 'There is no such procedure.'),
  BAD_REQUEST: text('Permintaan tidak dapat diproses.', 'The request cannot be processed.'),
  REQUEST_NOT_JSON: text('Isi permintaan bukan JSON yang sah.', 'The request body is not valid JSON.'),
  METHOD_NOT_SUPPORTED: text('Metode ini tidak didukung.', 'This method is not supported.'),
  REQUEST_TOO_LARGE: m({
    sample: { megabytes: 5, rows: 10_000 },
    id: (p, f) => `Berkas terlalu besar: paling besar ${f.number(p.megabytes)} MB (${f.count(p.rows)} baris).`,
    en: (p, f) => `The file is too large: at most ${f.number(p.megabytes)} MB (${f.count(p.rows)} rows).`,
  }),
  /** `/trpc` or `/trpc/` alone. */
  PROCEDURE_MISSING: text(
    'Alamat ini tidak menyebut prosedur; gunakan /trpc/<prosedur>.',
    'This address names no procedure; use /trpc/<procedure>.',
  ),
  /** A method the address does not take; `allowed` is what the Allow header says. */
  METHOD_NOT_ALLOWED: m({
    sample: { method: 'PUT', allowed: ['GET', 'HEAD', 'POST'] as readonly string[] },
    id: (p, f) => `Metode ${p.method} tidak didukung di alamat ini; hanya ${f.list(p.allowed, 'and')}.`,
    en: (p, f) => `The ${p.method} method is not supported at this address; only ${f.list(p.allowed, 'and')}.`,
  }),
  ADDRESS_BAD_ENCODING: text('Alamat tidak sah: pengodean persen rusak.', 'Invalid address: its percent-encoding is broken.'),
  ADDRESS_NOT_ALLOWED: text('Alamat ini tidak diizinkan.', 'This address is not allowed.'),
  FILE_NOT_FOUND: text('Berkas tidak ditemukan.', 'File not found.'),
  CROSS_SITE_HEADER_MISSING: m({
    sample: { header: 'x-kader-request' },
    id: (p) => `Permintaan ditolak: header ${p.header} tidak ada.`,
    en: (p) => `Request refused: the ${p.header} header is missing.`,
  }),
  CROSS_SITE_ORIGIN_UNKNOWN: text(
    'Permintaan ditolak: asal permintaan tidak dikenal.',
    'Request refused: where it comes from is unknown.',
  ),
  CROSS_SITE_OTHER_ORIGIN: text('Permintaan ditolak: berasal dari situs lain.', 'Request refused: it comes from another site.'),
  /** A password check (sign-in, change of password) sent in a batch with other calls. */
  BATCH_CALL_ALONE: m({
    sample: { procedure: 'auth.login' },
    id: (p) => `Panggilan ${p.procedure} harus dikirim sendiri, tidak digabung dengan panggilan lain.`,
    en: (p) => `The ${p.procedure} call must be sent on its own, not together with other calls.`,
  }),
  BATCH_TOO_LARGE: m({
    sample: { calls: 200, maximum: 25 },
    id: (p, f) =>
      `Terlalu banyak panggilan dalam satu permintaan: ${f.count(p.calls)}, paling banyak ${f.count(p.maximum)}. Kirim dalam beberapa permintaan.`,
    en: (p, f) =>
      `Too many calls in one request: ${f.count(p.calls)}, at most ${f.count(p.maximum)}. Send them in several requests.`,
  }),
  REQUEST_HEAD_TOO_LARGE: m({
    sample: { kilobytes: 16 },
    id: (p, f) =>
      `Alamat atau header permintaan terlalu panjang: paling banyak ${f.count(p.kilobytes)} KB. Kirim data besar di badan permintaan (POST).`,
    en: (p, f) =>
      `The address or the request headers are too long: at most ${f.count(p.kilobytes)} KB. Send large data in the request body (POST).`,
  }),
  REQUEST_UNREADABLE: text('Permintaan HTTP tidak dapat dibaca.', 'The HTTP request cannot be read.'),
};
