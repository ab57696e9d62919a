import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/** What `new Worker(...)` needs to start a verify-audit worker in this process. */
export type WorkerScript = { script: string | URL; options: WorkerOptions };

/** A bundle that ships the worker puts it beside its entry script under this name (see apps/server/build.ts). */
const BUILT_WORKER = 'verify-worker.js';

/** tsx's ESM loader, when the process was started with `--import tsx` (or the file tsx resolves to). */
function tsxLoader(): string | null {
  const argv = process.execArgv;
  const req = createRequire(path.join(process.cwd(), 'noop.js')); // node resolves --import from the cwd
  for (let i = 0; i < argv.length - 1; i++) {
    if (argv[i] !== '--import') continue;
    const spec = argv[i + 1]!;
    try {
      const file = spec.startsWith('file:') ? fileURLToPath(spec) : req.resolve(spec);
      if (/[\\/]tsx[\\/]dist[\\/]loader\.mjs$/.test(file)) return file;
    } catch {
      // not resolvable from here: not the loader we look for
    }
  }
  return null;
}

/**
 * Where a worker can be started from, or null when it cannot (the check then runs in this thread):
 * - `built`, a bundled worker named by the caller (the benchmark starts the one apps/server's build
 *   wrote, as `kader verify-audit` does, from a process that runs the sources under tsx);
 * - a built `verify-worker.js` beside the process's entry script (the server's bundle);
 * - the TypeScript source, when this process runs it under tsx (the CLI in development, the
 *   benchmark): a worker does not inherit tsx's hooks, so a small bootstrap registers tsx's ESM
 *   API in the worker before importing worker.ts.
 * Anything else (vitest, a bundle without the worker) has no way to load it.
 */
export function verifyWorkerScript(built?: string): WorkerScript | null {
  if (built !== undefined && existsSync(built)) return { script: built, options: {} };
  const entry = process.argv[1];
  const beside = entry ? path.join(path.dirname(entry), BUILT_WORKER) : null;
  if (beside && existsSync(beside)) return { script: beside, options: {} };
  const source = new URL('./worker.ts', import.meta.url);
  const loader = tsxLoader();
  if (!loader || source.protocol !== 'file:' || !existsSync(source)) return null;
  const api = path.join(path.dirname(loader), 'esm', 'api', 'index.mjs');
  if (!existsSync(api)) return null;
  const boot = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
  return { script: boot, options: { eval: true } };
}
