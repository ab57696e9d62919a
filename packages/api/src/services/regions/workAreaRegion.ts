import { type DbOrTx, findRegionsByName } from '@kader/db';

/**
 * The Kemendagri code of a work area named like a regency or city of the dataset ("Kota Madiun" →
 * `35.77`), when exactly one has that name; null otherwise (the area keeps its name, without a code,
 * as before the dataset).
 */
export function regencyCodeForName(db: DbOrTx, name: string): string | null {
  const found = findRegionsByName(db, { level: 'regency', name });
  return found.length === 1 ? (found[0]?.code ?? null) : null;
}
