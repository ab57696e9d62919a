import { copyFileSync } from 'node:fs';
import { openDatabase, type DbHandle } from '@kader/db';
import { inject } from 'vitest';
// The type of what the template setup provides (`inject('demoTemplates')`).
import type {} from '../../../packages/api/test/demoTemplate';

/**
 * Opens a copy, at `file`, of the demo data seeded once for the whole run (packages/api's
 * demoTemplate.ts): `fixed` as of 2026-11-23, `today` as of the day the run started.
 */
export function openSeededCopy(file: string, kind: 'fixed' | 'today' = 'today'): DbHandle {
  copyFileSync(inject('demoTemplates')[kind], file);
  return openDatabase(file);
}
