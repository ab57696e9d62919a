/**
 * How a message is written: one entry per message id, both languages side by side, each a function
 * of the message's parameters and a formatter for the language, plus sample parameters the
 * catalogue test renders. Entries live in `messages/<area>.ts`; `catalogue.ts` merges them.
 */
import {
  formatDate,
  formatFigure,
  formatMonth,
  formatNumber,
  formatPercentValue,
  formatRupiah,
  formatScore,
  type Lang,
} from './format';
import { labelsEn, labelsId } from './labels';

/** What a parameter may hold: it travels as JSON from the server to the client. */
export type ParamValue = string | number | boolean | null | readonly string[] | readonly number[];
export type Params = Record<string, ParamValue>;

/** A code kind with names in `labels.ts`: `label('event', 'SIGN_AGREEMENT')`. */
export type LabelKind =
  | 'state'
  | 'event'
  | 'doc'
  | 'rejection'
  | 'withdrawal'
  | 'edu'
  | 'role'
  | 'contractState'
  | 'contractEvent'
  | 'resignation'
  | 'termination'
  | 'kpi'
  | 'flag'
  | 'channel';

const LABELS: Record<Lang, Record<string, string>> = { id: labelsId, en: labelsEn };

/** The name of a code; an unknown code (newer data than this code) is shown as it is. */
export function labelOf(lang: Lang, kind: LabelKind, code: string): string {
  return LABELS[lang][`${kind}.${code}`] ?? code;
}

/** The language-bound helpers a message function writes with. */
export type Fmt = {
  lang: Lang;
  /** `22 Nov 2026` (`long`: `22 November 2026`) */
  date: (iso: string, style?: 'short' | 'long') => string;
  /** `November 2026` from `2026-11` */
  month: (yearMonth: string) => string;
  /** grouped thousands, at most two decimals: `1.250` / `46,5` */
  number: (n: number) => string;
  /** whole number, grouped */
  count: (n: number) => string;
  rupiah: (n: number) => string;
  /** a percentage already in percent: `46,9%` */
  percent: (n: number) => string;
  score: (n: number) => string;
  /** `A, B dan C` / `A, B and C` (`or`: `atau` / `or`) */
  list: (items: readonly string[], type?: 'and' | 'or') => string;
  /** the form for `n` by the language's plural rules (Indonesian has one form; English one/other) */
  plural: (n: number, forms: { one?: string; other: string }) => string;
  label: (kind: LabelKind, code: string) => string;
  /** the names of several codes as a list */
  labels: (kind: LabelKind, codes: readonly string[], type?: 'and' | 'or') => string;
};

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

function joinList(lang: Lang, items: readonly string[], type: 'and' | 'or'): string {
  const word = lang === 'id' ? (type === 'and' ? 'dan' : 'atau') : type;
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} ${word} ${items[1]}`;
  // Indonesian writes no comma before the last item; English keeps the serial comma.
  return `${items.slice(0, -1).join(', ')}${lang === 'en' ? ',' : ''} ${word} ${items[items.length - 1]}`;
}

export function fmtFor(lang: Lang): Fmt {
  const self: Fmt = {
    lang,
    date: (iso, style = 'long') => formatDate(iso, lang, style),
    month: (ym) => formatMonth(ym, lang),
    number: (n) => formatFigure(n, lang, 2),
    count: (n) => formatNumber(n, lang, 0),
    rupiah: (n) => formatRupiah(n, lang),
    percent: (n) => formatPercentValue(n, lang),
    score: (n) => formatScore(n, lang),
    list: (items, type = 'and') => joinList(lang, items, type),
    plural: (n, forms) => {
      pluralRules[lang] ??= new Intl.PluralRules(lang);
      const form = pluralRules[lang].select(n);
      return ((form === 'one' ? forms.one : undefined) ?? forms.other).replace('#', formatNumber(n, lang, 0));
    },
    label: (kind, code) => labelOf(lang, kind, code),
    labels: (kind, codes, type = 'and') =>
      joinList(
        lang,
        codes.map((c) => labelOf(lang, kind, c)),
        type,
      ),
  };
  return self;
}

export type Entry<P extends Params> = {
  /** sample parameters: the catalogue test renders every entry with them in both languages */
  sample: P;
  id: (p: P, f: Fmt) => string;
  en: (p: P, f: Fmt) => string;
};

/**
 * One message. The parameter type is inferred from `sample`, so each language's function is
 * checked against it: `m({ sample: { n: 2 }, id: (p, f) => …, en: (p, f) => … })`.
 */
export function m<P extends Params>(entry: Entry<P>): Entry<P> {
  return entry;
}

/** A message without parameters. */
export function text(id: string, en: string): Entry<Record<never, never>> {
  return { sample: {}, id: () => id, en: () => en };
}
