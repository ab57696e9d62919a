/**
 * Indonesian mobile numbers: 10-13 digits with the leading 0 (domain B7). Accepts 08…, 628…, +628…
 * (with spaces or dashes) and stores E.164 `+628…`.
 */
export function normalizePhone(raw: string): string | null {
  const s = raw.replace(/[\s().-]/g, '');
  const m = /^(?:\+62|62|0)(8[1-9]\d{7,10})$/.exec(s);
  return m ? `+62${m[1]}` : null;
}

/** `+6281234567890` shown as `0812-3456-7890`. */
export function formatPhone(e164: string): string {
  const local = e164.startsWith('+62') ? `0${e164.slice(3)}` : e164;
  return local.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}
