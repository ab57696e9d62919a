/**
 * `pnpm bench --profile`: one Kader round at synchronous=FULL under the V8 sampling profiler
 * (node:inspector, in this process), the .cpuprofile kept for DevTools, and the functions with the
 * most self time printed, with the same time summed by package.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { kaderRound } from './workloads';

type Profile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
};

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** `drizzle-orm/sqlite-core/dialect.js` from a pnpm store path, `packages/db/src/...` from ours. */
function shortUrl(url: string): { where: string; pkg: string } {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const rest = path.slice(inModules + '/node_modules/'.length);
    const parts = rest.split('/');
    const pkg = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    return { where: rest, pkg };
  }
  if (path.startsWith(REPO)) {
    const where = path.slice(REPO.length);
    return { where, pkg: where.split('/').slice(0, 2).join('/') };
  }
  if (path.startsWith('node:')) return { where: path, pkg: 'node' };
  return { where: path, pkg: path ? 'other' : '(native, GC, idle)' };
}

/** Self time by function and by package, in ms, from the profile's samples. */
function selfTimes(profile: Profile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    // a sample's interval is the delta to the next one
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const frame = byNode.get(samples[i]!)!.callFrame;
    const { where, pkg } = shortUrl(frame.url);
    // tsx's output lines are not the .ts source's, so our own files are named without a line
    const line = where.endsWith('.ts') ? '' : `:${frame.lineNumber + 1}`;
    const fn = frame.functionName || '(anonymous)';
    // (program), (garbage collector), (idle) are V8's own; a named function without a file is native code
    const name = where ? `${fn} ${where}${line}` : fn.startsWith('(') ? fn : `${fn} (native)`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    total += ms;
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { total, functions: top(byFunction, 10), packages: top(byPackage, 8) };
}

export async function profileKader(file: string, events: number, out: string): Promise<string> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const rate = kaderRound(file, 'FULL', events);
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
    const { total, functions, packages } = selfTimes(profile);
    const pct = (ms: number) => `${((100 * ms) / total).toFixed(1)}%`;
    return [
      `Profile of ${events} Kader sends at synchronous=FULL (${Math.round(rate)}/s under the profiler), ${Math.round(total)} ms sampled`,
      `(open ${out} in Chrome DevTools for the whole tree)`,
      '',
      '| self time | function |',
      '| ---: | --- |',
      ...functions.map(([name, ms]) => `| ${pct(ms)} | \`${name}\` |`),
      '',
      '| self time | package |',
      '| ---: | --- |',
      ...packages.map(([name, ms]) => `| ${pct(ms)} | ${name} |`),
    ].join('\n');
  } finally {
    session.disconnect();
  }
}
