/**
 * The quota page's forms, checked in the browser before sending (the server checks again with its
 * own schema and answers on the same field paths). Pure; tested in test/quotaForms.test.ts.
 */
import type { Key } from '../../i18n/dict';

/** The zones Indonesia's branches are in (the server accepts exactly these). */
export const BRANCH_ZONES = [
  { zone: 'Asia/Jakarta', label: 'quota.zoneWIB' },
  { zone: 'Asia/Makassar', label: 'quota.zoneWITA' },
  { zone: 'Asia/Jayapura', label: 'quota.zoneWIT' },
] as const satisfies readonly { zone: string; label: Key }[];
export type BranchZone = (typeof BRANCH_ZONES)[number]['zone'];

export type QuotaForm = { branchId: string; year: string; quota: string };
export type QuotaInput = { branchId: number; year: number; quota: number };

const wholeNumber = (s: string): number | null => (/^\s*\d+\s*$/.test(s) ? Number(s) : null);

export function checkQuotaForm(
  v: QuotaForm,
): { ok: true; input: QuotaInput } | { ok: false; errors: Partial<Record<keyof QuotaForm, Key>> } {
  const errors: Partial<Record<keyof QuotaForm, Key>> = {};
  const branchId = wholeNumber(v.branchId);
  if (!branchId) errors.branchId = 'quota.chooseBranch';
  const year = wholeNumber(v.year);
  if (v.year.trim() === '') errors.year = 'quota.required';
  else if (year === null) errors.year = 'quota.wholeNumber';
  else if (year < 2017 || year > 2100) errors.year = 'quota.yearRange';
  const quota = wholeNumber(v.quota);
  if (v.quota.trim() === '') errors.quota = 'quota.required';
  else if (quota === null) errors.quota = 'quota.wholeNumber';
  else if (quota > 10_000) errors.quota = 'quota.quotaTooLarge';
  if (Object.keys(errors).length > 0 || !branchId || year === null || quota === null) return { ok: false, errors };
  return { ok: true, input: { branchId, year, quota } };
}

export type BranchForm = { code: string; name: string; timeZone: string; workAreas: string[] };
export type BranchInput = { code: string; name: string; timeZone: BranchZone; workAreas: string[] };

export const BRANCH_CODE = /^KC-[A-Z0-9]{2,10}$/;

/** Empty work-area rows are dropped; an error on a row is keyed `workAreas.<row>` (the row shown). */
export function checkBranchForm(v: BranchForm): { ok: true; input: BranchInput } | { ok: false; errors: Record<string, Key> } {
  const errors: Record<string, Key> = {};
  const code = v.code.trim().toUpperCase();
  if (!code) errors.code = 'quota.required';
  else if (!BRANCH_CODE.test(code)) errors.code = 'quota.codeFormat';
  const name = v.name.trim();
  if (!name) errors.name = 'quota.required';
  else if (name.length < 3) errors.name = 'quota.nameShort';
  const zone = BRANCH_ZONES.find((z) => z.zone === v.timeZone)?.zone;
  if (!zone) errors.timeZone = 'quota.chooseZone';
  const areas: string[] = [];
  v.workAreas.forEach((w, i) => {
    const a = w.trim();
    if (!a) return;
    if (a.length < 3) errors[`workAreas.${i}`] = 'quota.workAreaShort';
    areas.push(a);
  });
  if (areas.length === 0) errors.workAreas = 'quota.atLeastOneArea';
  if (Object.keys(errors).length > 0 || !zone) return { ok: false, errors };
  return { ok: true, input: { code, name, timeZone: zone, workAreas: areas } };
}
