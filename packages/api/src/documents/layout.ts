/**
 * A small flowing-text layout over pdf-lib: wraps text to a width, keeps paragraphs and table rows
 * together where they fit, and starts a new page when the current one is full. Text is run through
 * `sanitizeText` first, because the standard PDF fonts only encode WinAnsi.
 */
import { rgb, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

export type TextStyle = {
  font: PDFFont;
  size: number;
  color?: Color;
  /** Line height as a multiple of the font size (default 1.4). */
  leading?: number;
};

export type Margins = { top: number; right: number; bottom: number; left: number };

export type Align = 'left' | 'center' | 'right';

const BLACK = rgb(0, 0, 0);

/** Characters outside WinAnsi (or best kept plain) and what to print instead. */
const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u2022': '-',
  '\u2023': '-',
  '\u2043': '-',
  '\u25CF': '-',
  '\u25E6': '-',
  '\u2026': '...',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\t': ' ',
  '\r': '',
};

const charsets = new WeakMap<PDFFont, Set<number>>();
function charsetOf(font: PDFFont): Set<number> {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  return set;
}

/**
 * Text the font can encode: typographic quotes, bullets and ellipses become plain ASCII, control
 * characters become spaces, letters the font lacks lose their diacritics (ā → a), and anything
 * still unencodable becomes "?". Newlines are kept (they are hard line breaks for `wrapText`).
 */
export function sanitizeText(text: string, font: PDFFont): string {
  const supported = charsetOf(font);
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const replacement = REPLACEMENTS[ch];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += ch;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
    else if (supported.has(cp)) out += ch;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && [...base].every((c) => supported.has(c.codePointAt(0) ?? 0)) ? base : '?';
    }
  }
  return out;
}

/**
 * Greedy word wrap to `maxWidth` points. Runs of spaces collapse; "\n" forces a break (an empty
 * line stays an empty line); a word wider than the line is cut between characters.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  for (const hard of sanitizeText(text, font).split('\n')) {
    const words = hard.split(' ').filter((w) => w !== '');
    let current = '';
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = '';
      if (width(word) <= maxWidth) {
        current = word;
        continue;
      }
      for (const ch of word) {
        if (current && width(current + ch) > maxWidth) {
          lines.push(current);
          current = '';
        }
        current += ch;
      }
    }
    lines.push(current);
  }
  return lines;
}

export const lineHeight = (style: TextStyle): number => style.size * (style.leading ?? 1.4);

/** Draws one already-wrapped line with its top at `top`; x is the left edge of a box of `boxWidth`. */
export function drawLine(
  page: PDFPage,
  line: string,
  x: number,
  top: number,
  style: TextStyle,
  align: Align = 'left',
  boxWidth = 0,
): void {
  if (!line) return;
  const text = sanitizeText(line, style.font).replace(/\n/g, ' ');
  const w = style.font.widthOfTextAtSize(text, style.size);
  const dx = align === 'center' ? (boxWidth - w) / 2 : align === 'right' ? boxWidth - w : 0;
  const baseline = top - lineHeight(style) + (lineHeight(style) - style.size) / 2 + style.size * 0.22;
  page.drawText(text, { x: x + dx, y: baseline, size: style.size, font: style.font, color: style.color ?? BLACK });
}

export type ParagraphOptions = {
  /** Left indent from the margin, in points. */
  indent?: number;
  /** A hanging label such as "(1)", "a." or "NIK", drawn in a column of `labelWidth`. */
  label?: string;
  labelWidth?: number;
  /** Draw ": " after the label column (for "Nama : …" lines). */
  colon?: boolean;
  labelStyle?: TextStyle;
  /** A list number drawn at the margin on the first line, left of `indent` (e.g. "2."). */
  outerLabel?: string;
  align?: Align;
  /** Keep the paragraph on one page when it fits on an empty one (default true). */
  keepTogether?: boolean;
  /** Extra room (points) that must follow on the same page, e.g. for a heading. */
  keepWithNext?: number;
};

export type TableColumn = { width: number; align?: Align };

export class FlowLayout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    readonly pageSize: [number, number],
    readonly margins: Margins,
    private readonly onNewPage: (page: PDFPage, index: number) => void = () => {},
  ) {
    this.addPage();
  }

  get contentWidth(): number {
    return this.pageSize[0] - this.margins.left - this.margins.right;
  }

  /** Height of the text area of an empty page. */
  get pageContentHeight(): number {
    return this.pageSize[1] - this.margins.top - this.margins.bottom;
  }

  get remaining(): number {
    return this.y - this.margins.bottom;
  }

  private get atTop(): boolean {
    return this.y >= this.pageSize[1] - this.margins.top;
  }

  addPage(): void {
    this.page = this.pdf.addPage(this.pageSize);
    this.pages.push(this.page);
    this.y = this.pageSize[1] - this.margins.top;
    this.onNewPage(this.page, this.pages.length - 1);
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (height > this.remaining && !this.atTop) this.addPage();
  }

  /** Vertical space; swallowed at the top of a page, and moves to a new page when it runs out. */
  space(height: number): void {
    if (this.atTop) return;
    if (height >= this.remaining) this.addPage();
    else this.y -= height;
  }

  wrap(text: string, style: TextStyle, width: number): string[] {
    return wrapText(text, style.font, style.size, width);
  }

  /** Height `paragraph` would take with these options. */
  measure(text: string, style: TextStyle, opts: ParagraphOptions = {}): number {
    return this.layoutParagraph(text, style, opts).lines.length * lineHeight(style);
  }

  private layoutParagraph(text: string, style: TextStyle, opts: ParagraphOptions) {
    const indent = opts.indent ?? 0;
    const labelWidth = opts.label !== undefined || opts.colon ? (opts.labelWidth ?? 24) : 0;
    const colonWidth = opts.colon ? style.font.widthOfTextAtSize(': ', style.size) : 0;
    const x = this.margins.left + indent + labelWidth + colonWidth;
    const width = this.contentWidth - indent - labelWidth - colonWidth;
    return { x, width, labelX: this.margins.left + indent, labelWidth, lines: this.wrap(text, style, width) };
  }

  paragraph(text: string, style: TextStyle, opts: ParagraphOptions = {}): void {
    const { x, width, labelX, labelWidth, lines } = this.layoutParagraph(text, style, opts);
    const lh = lineHeight(style);
    const total = lines.length * lh;
    const keep = opts.keepTogether ?? true;
    const need = (keep && total <= this.pageContentHeight ? total : lh) + (opts.keepWithNext ?? 0);
    this.ensure(Math.min(need, this.pageContentHeight));
    lines.forEach((line, i) => {
      if (i > 0) this.ensure(lh);
      // The label and the colon go with the first line only.
      if (i === 0 && opts.label) drawLine(this.page, opts.label, labelX, this.y, opts.labelStyle ?? style);
      if (i === 0 && opts.outerLabel) drawLine(this.page, opts.outerLabel, this.margins.left, this.y, style);
      if (i === 0 && opts.colon) drawLine(this.page, ':', labelX + labelWidth, this.y, style);
      drawLine(this.page, line, x, this.y, style, opts.align ?? 'left', width);
      this.y -= lh;
    });
  }

  /**
   * A bordered table. Cells wrap; a row never splits; when a row starts a new page the header
   * row is drawn again. The whole table is kept on one page when it fits on an empty one.
   */
  table(
    columns: TableColumn[],
    header: string[],
    rows: string[][],
    style: TextStyle,
    headerStyle: TextStyle,
    opts: { indent?: number; padding?: number; borderColor?: Color; headerFill?: Color } = {},
  ): void {
    const pad = opts.padding ?? 4;
    const x0 = this.margins.left + (opts.indent ?? 0);
    const layoutRow = (cells: string[], s: TextStyle) => {
      const wrapped = columns.map((c, i) => this.wrap(cells[i] ?? '', s, c.width - 2 * pad));
      const height = Math.max(...wrapped.map((l) => l.length)) * lineHeight(s) + 2 * pad;
      return { wrapped, height, style: s };
    };
    const head = layoutRow(header, headerStyle);
    const body = rows.map((r) => layoutRow(r, style));
    const total = head.height + body.reduce((a, r) => a + r.height, 0);
    if (total <= this.pageContentHeight) this.ensure(total);

    const draw = (row: ReturnType<typeof layoutRow>, fill?: Color) => {
      let x = x0;
      row.wrapped.forEach((lines, i) => {
        const col = columns[i] as TableColumn;
        this.page.drawRectangle({
          x,
          y: this.y - row.height,
          width: col.width,
          height: row.height,
          borderColor: opts.borderColor ?? rgb(0.35, 0.35, 0.35),
          borderWidth: 0.6,
          ...(fill ? { color: fill } : {}),
        });
        lines.forEach((line, j) => {
          const top = this.y - pad - j * lineHeight(row.style);
          drawLine(this.page, line, x + pad, top, row.style, col.align ?? 'left', col.width - 2 * pad);
        });
        x += col.width;
      });
      this.y -= row.height;
    };

    this.ensure(head.height + (body[0]?.height ?? 0));
    draw(head, opts.headerFill);
    for (const row of body) {
      if (row.height > this.remaining) {
        this.addPage();
        draw(head, opts.headerFill);
      }
      draw(row);
    }
  }

  /** Reserves `height` (on a new page if needed) and lets `paint` draw into it; `top` is its top edge. */
  block(height: number, paint: (page: PDFPage, top: number) => void): void {
    this.ensure(height);
    paint(this.page, this.y);
    this.y -= height;
  }
}
