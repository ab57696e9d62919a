import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type DbHandle } from '@kader/db';
import { inject } from 'vitest';
import { createServer, type RunningServer } from '../src/server';
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

/** The real server on a free loopback port over a seeded copy in its own temp folder; `stop` removes it all. */
export async function startSeededServer(
  prefix: string,
): Promise<{ app: RunningServer; handle: DbHandle; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const handle = openSeededCopy(path.join(dir, 'kader.db'));
  const app = await createServer({ handle, staticDir: null, port: 0, host: '127.0.0.1', log: () => {} });
  return {
    app,
    handle,
    stop: async () => {
      await app.close();
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
