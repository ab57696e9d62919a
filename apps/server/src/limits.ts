/**
 * What one request to /trpc may ask of the server. The sizes follow from what the admin UI
 * legitimately sends; everything past them is refused before tRPC reads or runs anything.
 */
// The import's limits live with the import; the body limit follows from them.
import { MONTHLY_IMPORT_LIMIT } from '@kader/api';
import { msg } from '@kader/workflow';

export { MAX_BATCH_CALLS, UNBATCHABLE_PROCEDURES as UNBATCHABLE } from '@kader/workflow';

/**
 * The largest body: the monthly import's largest file, JSON-encoded. JSON copies text as its UTF-8
 * bytes except `"`, `\`, tab and line breaks, which take two (`\"`, `\n`), so a CSV at most
 * doubles (only control characters, which no spreadsheet writes, would take six); a margin covers
 * the call's other fields.
 */
export const MAX_BODY_BYTES = 2 * MONTHLY_IMPORT_LIMIT.bytes + 64 * 1024;

/** What a body over the limit is told: the import's limits, which a person can act on. */
export const BODY_TOO_LARGE = msg('REQUEST_TOO_LARGE', {
  megabytes: MONTHLY_IMPORT_LIMIT.bytes / (1024 * 1024),
  rows: MONTHLY_IMPORT_LIMIT.rows,
});
