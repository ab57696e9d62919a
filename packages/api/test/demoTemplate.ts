/**
 * vitest globalSetup: the demo data is seeded once per test run into template files, and each test
 * file copies one (`seededDatabase` in helpers.ts) instead of seeding its own: a seed runs ~150
 * commands, and a dozen files seeding at once on two cores pushed tests towards their timeouts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '@kader/db';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../src/services/seedDemo';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Demo data seeded as of 2026-11-23, and as of the day the run started. */
    demoTemplates: { fixed: string; today: string };
  }
}

/** The date the fixed template is seeded at: the one most tests of this repository are written for. */
export const TEMPLATE_DAY = '2026-11-23';

async function template(dir: string, name: string, today?: string): Promise<string> {
  const file = join(dir, `${name}.db`);
  const handle = openDatabase(file);
  migrateDatabase(handle);
  await seedDemo(handle, today ? { today } : {});
  // One self-contained file to copy: the write-ahead log folded in.
  handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  handle.close();
  return file;
}

export default async function setup(project: TestProject) {
  // The servers and seeds of the suites hash demo passwords cheaply (vitest.shared.ts); so do these.
  process.env.KADER_DEMO_HASH = 'fast';
  const dir = mkdtempSync(join(tmpdir(), 'kader-templates-'));
  project.provide('demoTemplates', { fixed: await template(dir, 'fixed', TEMPLATE_DAY), today: await template(dir, 'today') });
  return () => rmSync(dir, { recursive: true, force: true });
}
