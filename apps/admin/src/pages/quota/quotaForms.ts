/**
 * The quota page's forms: the values as the inputs hold them → the procedures' inputs, checked in
 * the browser with the shared schemas (`setQuotaSchema`, `createBranchSchema`,
 * `setWorkAreaRegionSchema` of @kader/workflow); the server parses with the same ones and answers
 * on the same paths. Pure; tested in test/quotaForms.test.ts.
 */
import { type BranchTimeZone, createBranchSchema, setQuotaSchema, setWorkAreaRegionSchema } from '@kader/workflow';
import type { PickedRegion } from '../../components/address/RegionCombobox';
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

/** A work-area row as the form holds it: the name typed and the regency/city picked for it, if any. */
export type WorkAreaRow = { name: string; region: PickedRegion | undefined };
export type BranchForm = { code: string; name: string; timeZone: string; workAreas: WorkAreaRow[] };

export const EMPTY_WORK_AREA: WorkAreaRow = { name: '', region: undefined };

/**
 * A regency/city picked for a row: its name becomes the row's name when the row had none yet or
 * still had the name of the region picked before (a name typed by hand, e.g. a group of
 * districts, is kept); undefined (the pick undone) keeps the name and drops the code.
 */
export function pickRegion(row: WorkAreaRow, region: PickedRegion | undefined): WorkAreaRow {
  const nameFollowsPick = row.name.trim() === '' || row.name === row.region?.name;
  return { name: region && nameFollowsPick ? region.name : row.name, region };
}

/** The rows of the work-area inputs that are sent: rows with neither a name nor a pick are dropped. */
export function sentWorkAreaRows(workAreas: readonly WorkAreaRow[]): number[] {
  return workAreas.flatMap((w, i) => (w.name.trim() || w.region ? [i] : []));
}

/** A path of the sent input (`workAreas.<k>…`) → the row the form shows (`workAreas.<row>…`). */
export function branchFormPath(workAreas: readonly WorkAreaRow[]): (path: string) => string {
  const rows = sentWorkAreaRows(workAreas);
  return (path) => {
    const m = /^workAreas\.(\d+)(\..*)?$/.exec(path);
    const row = m ? rows[Number(m[1])] : undefined;
    return row === undefined ? path : `workAreas.${row}${m?.[2] ?? ''}`;
  };
}

export function checkBranchForm(v: BranchForm) {
  const workAreas = sentWorkAreaRows(v.workAreas).map((i) => {
    const { name, region } = v.workAreas[i]!;
    return region ? { name, regionCode: region.code } : { name };
  });
  return checkWith(createBranchSchema, { ...v, workAreas }, branchFormPath(v.workAreas));
}

/** The edit of one existing area's code: the region picked (none: the code is cleared). */
export function checkWorkAreaRegion(area: { id: number; revision: number }, region: PickedRegion | undefined) {
  return checkWith(setWorkAreaRegionSchema, { workAreaId: area.id, revision: area.revision, regionCode: region?.code ?? null });
}
