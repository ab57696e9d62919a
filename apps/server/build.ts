/**
 * Builds the server into one ES module, dist/cli.js, that plain `node` runs: no transpiler at start
 * (under tsx the server took ~2 s to start and ~115 MB more memory for the wrapper processes).
 *
 * Our packages export TypeScript, so they and their pure-JS dependencies are bundled. Kept out:
 * better-sqlite3, whose native addon is found at run time from its own package directory.
 *
 * Files read at run time (the SQL migrations beside packages/db/src, the admin's build beside
 * apps/admin) are found through `import.meta.url` in the module that reads them. Bundled, every
 * module would share dist/cli.js's URL, so each module's `import.meta.url` is rewritten to its source
 * file's URL, relative to where the bundle runs: dist keeps working inside the checkout, wherever
 * that checkout lives.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
// Another place under apps/server for a test's own build (`tsx build.ts dist/test-x/cli.js`).
const outfile = path.resolve(root, process.argv[2] ?? 'dist/cli.js');
const workspace = path.resolve(root, '../..');

const sourceLocation: Plugin = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url') || !args.path.startsWith(workspace)) return undefined;
      const fromBundle = path.relative(path.dirname(outfile), args.path).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

await build({
  // verify-audit's worker thread is a second entry beside the CLI, where the check looks for it
  // (packages/api/src/services/verify/workerScript.ts); without it the check runs in one thread.
  entryPoints: {
    [path.basename(outfile, '.js')]: path.join(root, 'src/cli.ts'),
    'verify-worker': path.join(workspace, 'packages/api/src/services/verify/worker.ts'),
  },
  outdir: path.dirname(outfile),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  // Bundled CommonJS dependencies may call require() for Node's own modules; an ES module has none.
  banner: {
    js: "import { createRequire as kaderCreateRequire } from 'node:module'; const require = kaderCreateRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [sourceLocation],
});
console.log(`built ${path.relative(process.cwd(), outfile)} and verify-worker.js beside it`);
