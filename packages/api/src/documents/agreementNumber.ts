/**
 * A branch's numbering pattern for agreement numbers (nomor PKS), e.g.
 * `PKS/{seq:3}/KC-{kode}/{romawi}/{yyyy}` → `PKS/007/KC-MDN/XI/2026`.
 *
 * Tokens: `{seq}` or `{seq:N}` (the running number, zero-padded to N digits), `{kode}` (the
 * branch code), `{yyyy}`, `{yy}`, `{mm}` (month, two digits), `{romawi}` (month in Roman numerals,
 * as Indonesian letters are numbered). Anything else is copied as written; an unknown `{token}`
 * is an error, so a typo in a pattern never reaches a signed agreement.
 */
import { parseIsoDate } from './format';

const ROMAWI = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

export type AgreementNumberParts = {
  /** Running number within the branch (and year, if the pattern restarts yearly). */
  sequence: number;
  /** The date the number is issued, YYYY-MM-DD. */
  date: string;
  /** Branch code, e.g. "MDN". */
  branchCode?: string;
};

export function formatAgreementNumber(pattern: string, parts: AgreementNumberParts): string {
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1) {
    throw new RangeError(`nomor urut PKS harus bilangan bulat positif: ${parts.sequence}`);
  }
  const { year, month } = parseIsoDate(parts.date, 'tanggal nomor PKS');
  return pattern.replace(/\{([a-z]+)(?::(\d+))?\}/gi, (token, nameRaw: string, width?: string) => {
    const name = nameRaw.toLowerCase();
    switch (name) {
      case 'seq':
        return String(parts.sequence).padStart(width ? Number(width) : 0, '0');
      case 'kode':
        if (!parts.branchCode) throw new RangeError(`pola nomor PKS memakai {kode}, tetapi kode cabang kosong`);
        return parts.branchCode;
      case 'yyyy':
        return String(year);
      case 'yy':
        return String(year % 100).padStart(2, '0');
      case 'mm':
        return String(month).padStart(2, '0');
      case 'romawi':
        return ROMAWI[month - 1] as string;
      default:
        throw new RangeError(`token tidak dikenal dalam pola nomor PKS: ${token}`);
    }
  });
}
