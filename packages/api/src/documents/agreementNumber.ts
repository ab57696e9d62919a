/**
 * A branch's numbering pattern for agreement numbers (nomor PKS), e.g.
 * `PKS/{seq:3}/KC-{kode}/{romawi}/{yyyy}` → `PKS/007/KC-MDN/XI/2026`.
 *
 * Tokens: `{seq}` or `{seq:N}` (the running number, zero-padded to N digits, N 1-6), `{kode}` (the
 * branch code), `{yyyy}`, `{yy}`, `{mm}` (month, two digits), `{romawi}` (month in Roman numerals,
 * as Indonesian letters are numbered). Anything else is copied as written.
 *
 * A pattern is parsed once into tokens and every problem is named: exactly one running number
 * (without it every number would be the same string, and the search for a free one would never
 * end), no stray `{` or `}`, no unknown token, and numbers that fit what a signing accepts. A typo
 * in a pattern is refused when head office types it, never found at a signing.
 */
import { msg, type ParamsOf, parseIsoDate } from '@kader/workflow';

const ROMAWI = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** What the branches table and the form allow. */
export const AGREEMENT_PATTERN_MAX_LENGTH = 80;
/** Padding wider than this is a typo (a branch signs hundreds of agreements a year, not millions). */
export const AGREEMENT_SEQUENCE_MAX_WIDTH = 6;
/** What SIGN_AGREEMENT and the contract machine accept for a number (trimmed, 3-100 characters). */
export const AGREEMENT_NUMBER_MIN_LENGTH = 3;
export const AGREEMENT_NUMBER_MAX_LENGTH = 100;

const PLACEHOLDERS = ['kode', 'yyyy', 'yy', 'mm', 'romawi'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

export type AgreementNumberToken =
  | { kind: 'text'; text: string }
  /** width 0: the number as it is (`{seq}`). */
  | { kind: 'seq'; width: number }
  | { kind: Placeholder };

/** One problem of a pattern (AGREEMENT_PATTERN_INVALID): what, where, and the bound it breaks. */
export type AgreementPatternProblem = { reason: 'AGREEMENT_PATTERN_INVALID'; params: ParamsOf<'AGREEMENT_PATTERN_INVALID'> };
export type ParsedAgreementPattern =
  | { ok: true; tokens: AgreementNumberToken[] }
  | { ok: false; problems: AgreementPatternProblem[] };

function problem(kind: string, { n = 0, token = '', limit = 0 } = {}): AgreementPatternProblem {
  return msg('AGREEMENT_PATTERN_INVALID', { problem: kind, n, token, limit }) as AgreementPatternProblem;
}

/**
 * The shortest and longest text a placeholder can become. Branch codes are `KC-` and 2-10
 * letters or digits (planning.ts); a running number is at least its width and, within the search
 * bound, at most 6 digits.
 */
function lengths(t: AgreementNumberToken): [min: number, max: number] {
  switch (t.kind) {
    case 'text':
      return [t.text.length, t.text.length];
    case 'seq':
      return [Math.max(t.width, 1), Math.max(t.width, 6)];
    case 'kode':
      return [5, 13];
    case 'yyyy':
      return [4, 4];
    case 'yy':
    case 'mm':
      return [2, 2];
    case 'romawi':
      return [1, 4];
  }
}

/** One `{…}`'s inside, e.g. `seq:3` → a token, or what is wrong with it. */
function placeholder(inside: string): AgreementNumberToken | AgreementPatternProblem {
  const shown = `{${inside}}`;
  const [nameRaw = '', ...rest] = inside.split(':');
  const name = nameRaw.toLowerCase();
  if (name === 'seq') {
    if (rest.length === 0) return { kind: 'seq', width: 0 };
    const width = rest.join(':');
    if (rest.length > 1 || !/^\d{1,2}$/.test(width) || Number(width) < 1 || Number(width) > AGREEMENT_SEQUENCE_MAX_WIDTH) {
      return problem('SEQUENCE_WIDTH', { token: shown, limit: AGREEMENT_SEQUENCE_MAX_WIDTH });
    }
    return { kind: 'seq', width: Number(width) };
  }
  if (rest.length === 0 && (PLACEHOLDERS as readonly string[]).includes(name)) return { kind: name as Placeholder };
  return problem('UNKNOWN_TOKEN', { token: shown });
}

/**
 * Reads a pattern into tokens, or lists everything wrong with it (as messages naming the position
 * or the token, so the form can say what to change).
 */
export function parseAgreementNumberPattern(pattern: string): ParsedAgreementPattern {
  if (pattern.trim() === '') return { ok: false, problems: [problem('EMPTY')] };
  // Checked first: nothing longer is ever read further (a pasted megabyte is one problem, not many).
  if (pattern.length > AGREEMENT_PATTERN_MAX_LENGTH) {
    return { ok: false, problems: [problem('TOO_LONG', { n: pattern.length, limit: AGREEMENT_PATTERN_MAX_LENGTH })] };
  }
  const problems: AgreementPatternProblem[] = [];
  const tokens: AgreementNumberToken[] = [];
  let text = '';
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '}') {
      problems.push(problem('STRAY_CLOSE', { n: i + 1 }));
      i += 1;
    } else if (ch === '{') {
      const close = pattern.indexOf('}', i + 1);
      const nextOpen = pattern.indexOf('{', i + 1);
      if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
        problems.push(problem('UNCLOSED', { n: i + 1 }));
        i += 1;
        continue;
      }
      const token = placeholder(pattern.slice(i + 1, close));
      if ('reason' in token) problems.push(token);
      else {
        flush();
        tokens.push(token);
      }
      i = close + 1;
    } else {
      // Control characters (tabs, line breaks) cannot be printed in an agreement number.
      if (/\p{Cc}/u.test(ch)) problems.push(problem('CONTROL_CHARACTER', { n: i + 1 }));
      else text += ch;
      i += 1;
    }
  }
  flush();

  const sequences = tokens.filter((t) => t.kind === 'seq').length;
  if (sequences === 0) problems.push(problem('NO_SEQUENCE'));
  if (sequences > 1) problems.push(problem('SEVERAL_SEQUENCES', { n: sequences }));
  if (problems.length) return { ok: false, problems };

  const [min, max] = tokens.map(lengths).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
  if (min < AGREEMENT_NUMBER_MIN_LENGTH) {
    problems.push(problem('NUMBER_TOO_SHORT', { n: min, limit: AGREEMENT_NUMBER_MIN_LENGTH }));
  }
  if (max > AGREEMENT_NUMBER_MAX_LENGTH) {
    problems.push(problem('NUMBER_TOO_LONG', { n: max, limit: AGREEMENT_NUMBER_MAX_LENGTH }));
  }
  return problems.length ? { ok: false, problems } : { ok: true, tokens };
}

/** Whether the numbers carry the year, so the running number may start again each year. */
export function patternRestartsYearly(tokens: readonly AgreementNumberToken[]): boolean {
  return tokens.some((t) => t.kind === 'yyyy' || t.kind === 'yy');
}

export type AgreementNumberParts = {
  /** Running number within the branch (and year, if the pattern restarts yearly). */
  sequence: number;
  /** The date the number is issued, YYYY-MM-DD. */
  date: string;
  /** Branch code, e.g. "MDN". */
  branchCode?: string;
};

/**
 * Fills a pattern (text, parsed here, or tokens already parsed) with one agreement's parts. A bad
 * pattern or part is a bug of the caller (patterns are checked when stored): a RangeError.
 */
export function formatAgreementNumber(pattern: string | readonly AgreementNumberToken[], parts: AgreementNumberParts): string {
  let tokens: readonly AgreementNumberToken[];
  if (typeof pattern === 'string') {
    const parsed = parseAgreementNumberPattern(pattern);
    if (!parsed.ok) {
      throw new RangeError(`invalid agreement-number pattern: ${parsed.problems.map((p) => p.params.problem).join(', ')}`);
    }
    tokens = parsed.tokens;
  } else tokens = pattern;
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1) {
    throw new RangeError(`the running number must be a positive whole number: ${parts.sequence}`);
  }
  const date = parseIsoDate(parts.date);
  if (!date) throw new RangeError(`the number's date is not a calendar date: "${parts.date}"`);
  const { year, month } = date;
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'text':
          return t.text;
        case 'seq':
          return String(parts.sequence).padStart(t.width, '0');
        case 'kode':
          if (!parts.branchCode) throw new RangeError('the pattern uses {kode} but the branch code is empty');
          return parts.branchCode;
        case 'yyyy':
          return String(year);
        case 'yy':
          return String(year % 100).padStart(2, '0');
        case 'mm':
          return String(month).padStart(2, '0');
        case 'romawi':
          return ROMAWI[month - 1] as string;
      }
    })
    .join('');
}
