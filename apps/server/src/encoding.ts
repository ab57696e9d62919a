/**
 * Which precompressed copy of a static file to send (`file.br`, `file.gz`, written at build time
 * by the admin's Vite config): brotli if the client takes it, else gzip, else the file itself.
 * Pure: `Accept-Encoding` in, the choice out.
 */
export type ContentEncoding = 'br' | 'gzip';

export const ENCODING_SUFFIX: Record<ContentEncoding, string> = { br: '.br', gzip: '.gz' };

/** `gzip, deflate, br;q=0.9` → the codings with a q above 0 (`*` stands for any not named). */
function accepted(header: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    out.set(name, q === undefined ? 1 : Number(q));
  }
  return out;
}

export function preferredEncoding(header: string | string[] | undefined): ContentEncoding | null {
  if (!header) return null;
  const codings = accepted(Array.isArray(header) ? header.join(',') : header);
  const weight = (c: ContentEncoding) => codings.get(c) ?? codings.get('*') ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return null;
}
