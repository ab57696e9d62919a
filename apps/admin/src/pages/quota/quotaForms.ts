/**
 * The quota page's forms: the values as the inputs hold them → the procedures' inputs, checked in
 * the browser with the shared schemas (`setQuotaSchema`, `createBranchSchema` of @kader/workflow);
 * the server parses with the same ones and answers on the same paths. Pure; tested in
 * test/quotaForms.test.ts.
 */
import { type BranchTimeZone, createBranchSchema, setQuotaSchema } from '@kader/workflow';
import { checkWith } from '../../components/schemaCheck';
import type { Key } from '../../i18n';

/** Each zone a branch may be in, with its name in the form. */
export const ZONE_LABELS: Record<BranchTimeZone, Key> = {
  'Asia/Jakarta': 'quota.zoneWIB',
  'Asia/Makassar': 'quota.zoneWITA',
  'Asia/Jayapura': 'quota.zoneWIT',
};

export type QuotaForm = { branchId: string; year: string; quota: string };

/** A number input's text: empty is missing (the schema says "required"), anything else a number or NaN. */
const numberOf = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

export function checkQuotaForm(v: QuotaForm) {
  return checkWith(setQuotaSchema, { branchId: numberOf(v.branchId), year: numberOf(v.year), quota: numberOf(v.quota) });
}

export type BranchForm = { code: string; name: string; timeZone: string; workAreas: string[] };

/** The rows of the work-area inputs that are sent: empty rows are dropped. */
export function sentWorkAreaRows(workAreas: readonly string[]): number[] {
  return workAreas.flatMap((w, i) => (w.trim() ? [i] : []));
}

/** A path of the sent input (`workAreas.<k>`) → the row the form shows (`workAreas.<row>`). */
export function branchFormPath(workAreas: readonly string[]): (path: string) => string {
  const rows = sentWorkAreaRows(workAreas);
  return (path) => {
    const m = /^workAreas\.(\d+)$/.exec(path);
    const row = m ? rows[Number(m[1])] : undefined;
    return row === undefined ? path : `workAreas.${row}`;
  };
}

export function checkBranchForm(v: BranchForm) {
  const input = { ...v, workAreas: sentWorkAreaRows(v.workAreas).map((i) => v.workAreas[i]!) };
  return checkWith(createBranchSchema, input, branchFormPath(v.workAreas));
}
