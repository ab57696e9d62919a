import { type DbOrTx, findRegionsByName, getRegion } from '@kader/db';
import { type FieldMessage, fieldMsg } from '@kader/workflow';

/**
 * The Kemendagri code of a work area typed without one whose name is exactly a regency's or city's
 * ("Kota Madiun" → `35.77`), when only one has that name: the same as picking it. Null otherwise
 * ("Madiun", a named group of districts): the area keeps its name alone until a code is chosen.
 */
export function regencyCodeForName(db: DbOrTx, name: string): string | null {
  const found = findRegionsByName(db, { level: 'regency', name });
  return found.length === 1 ? (found[0]?.code ?? null) : null;
}

/**
 * Why a chosen code cannot be an area's, as the message on `path` naming the area, or null when it
 * is a regency/city of the loaded dataset. The schema has already refused codes not shaped like
 * one; the level is checked again here against the table, which is what the code means.
 */
export function workAreaCodeProblem(
  db: DbOrTx,
  { area, code, path }: { area: string; code: string; path: string },
): FieldMessage | null {
  const region = getRegion(db, code);
  if (!region) return fieldMsg(path, 'WORK_AREA_REGION_UNKNOWN', { area, code });
  if (region.level !== 'regency') return fieldMsg(path, 'WORK_AREA_REGION_NOT_REGENCY', { area, code });
  return null;
}
