import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type Read = {
  pages: { width: number; height: number; text: string }[];
  /** All pages, whitespace collapsed to single spaces. */
  text: string;
  info: Record<string, unknown>;
};

/** Reads a PDF's pages back as text (pdf.js), for tests that check what was printed. */
export async function read(bytes: Uint8Array): Promise<Read> {
  // getDocument takes ownership of (detaches) the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: Read['pages'] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
    pages.push({ width: x1 - x0, height: y1 - y0, text });
  }
  const meta = await pdf.getMetadata();
  await pdf.destroy();
  const text = pages
    .map((p) => p.text)
    .join(' ')
    .replace(/\s+/g, ' ');
  return { pages, text, info: meta.info as Record<string, unknown> };
}
