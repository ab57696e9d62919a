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
};
