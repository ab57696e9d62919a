/**
 * The CSV conventions every export shares, those of the import templates (`monthlyCsvTemplate`,
 * `candidateCsvTemplate`) so a file a spreadsheet in the Indonesian locale opens is one it could
 * also read back: the cells and lines of `@kader/workflow`'s `text/csv.ts`, snake_case column
 * titles, dates `dd/mm/yyyy` and numbers `1.250.000` from its one formatting module. Pure.
 */
import { dateInZone, formatDateNumeric, formatNumber, formatScore } from '@kader/workflow';

/** `2026-11-22` → `22/11/2026`; empty stays empty. */
export const csvDate = (isoDate: string | null | undefined): string => (isoDate ? formatDateNumeric(isoDate) : '');

/** An instant as the date it was in a zone (a branch's), `dd/mm/yyyy`; empty stays empty. */
export const csvDateInZone = (instant: string | null | undefined, timeZone: string): string =>
  instant ? formatDateNumeric(dateInZone(new Date(instant), timeZone)) : '';

/** A whole number, thousands grouped: `1.250.000`; none is an empty cell. */
export const csvNumber = (n: number | null | undefined): string => (n === null || n === undefined ? '' : formatNumber(n, 'id'));

/** A score with at most one decimal: `72,5`. */
export const csvScore = (n: number | null | undefined): string => (n === null || n === undefined ? '' : formatScore(n, 'id'));

/** `kader-papan-2026-11-30.csv`: the list and the day it was taken (in the reader's zone). */
export function exportFilename(list: string, isoDate: string): string {
  return `kader-${list}-${isoDate}.csv`;
}
