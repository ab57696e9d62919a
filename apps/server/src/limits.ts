/**
 * What one request to /trpc may ask of the server. The sizes follow from what the admin UI
 * legitimately sends; everything past them is refused before tRPC reads or runs anything.
 */
// The imports' limits live with each import; the body limit follows from the largest.
import { CANDIDATE_IMPORT_LIMIT, MONTHLY_IMPORT_LIMIT } from '@kader/api';
import { msg } from '@kader/workflow';

export { MAX_BATCH_CALLS, UNBATCHABLE_PROCEDURES as UNBATCHABLE } from '@kader/workflow';

/** The import that takes the largest file (monthly reports: 5 MB; candidates: 1 MB). */
const LARGEST_IMPORT = [MONTHLY_IMPORT_LIMIT, CANDIDATE_IMPORT_LIMIT].reduce((a, b) => (b.bytes > a.bytes ? b : a));

/**
 * The largest body: the largest import file, JSON-encoded. JSON copies text as its UTF-8
 * bytes except `"`, `\`, tab and line breaks, which take two (`\"`, `\n`), so a CSV at most
 * doubles (only control characters, which no spreadsheet writes, would take six); a margin covers
 * the call's other fields.
 */
export const MAX_BODY_BYTES = 2 * LARGEST_IMPORT.bytes + 64 * 1024;

/** What a body over the limit is told: the largest import's limits, which a person can act on. */
export const BODY_TOO_LARGE = msg('REQUEST_TOO_LARGE', {
  megabytes: LARGEST_IMPORT.bytes / (1024 * 1024),
  rows: LARGEST_IMPORT.rows,
});
