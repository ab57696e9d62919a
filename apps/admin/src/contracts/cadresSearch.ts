/**
 * The cadres list's filters, kept in the URL so "back" from a cadre returns to the same view: the
 * route validates them (router.tsx) and the page reads them (CadresPage.tsx), both from here.
 */
import { isIsoDate } from '@kader/workflow/display';

export type CadresSearch = {
  branch?: number;
  area?: number;
  state?: string;
  /** agreement ending before, `YYYY-MM-DD` */
  before?: string;
  q?: string;
  /** 0-based */
  page?: number;
};

const positiveInt = (v: unknown): number | undefined => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The filters from a URL's search: anything malformed is left out, never an error. */
export function validateCadresSearch(search: Record<string, unknown>): CadresSearch {
  const out: CadresSearch = {};
  const branch = positiveInt(search.branch);
  if (branch) out.branch = branch;
  const area = positiveInt(search.area);
  if (area) out.area = area;
  if (typeof search.state === 'string' && /^[a-zA-Z]{1,30}$/.test(search.state)) out.state = search.state;
  if (typeof search.before === 'string' && isIsoDate(search.before)) out.before = search.before;
  if (typeof search.q === 'string' && search.q.trim()) out.q = search.q.slice(0, 100);
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 0) out.page = page;
  return out;
}
