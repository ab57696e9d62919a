/**
 * The load generator, a process of its own (so its CPU is not the server's event loop): virtual
 * clients over keep-alive connections, each sending one request at a time, each owning its own
 * applications (so no two clients race for a revision). Reads a `LoadPlan` as JSON from its
 * first argument and prints one `LoadResult` line of JSON per phase.
 *
 * Every answer must be a 2xx: anything else is counted (with the first body seen) and the
 * benchmark fails on it, so a figure never includes refused requests.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export type Target = {
  /** http://127.0.0.1:<port> */
  url: string;
  path: string;
  headers: Record<string, string>;
};

export type OwnedApplication = { id: number; revision: number };

export type Phase = { name: string; concurrency: number; ms: number; measured: boolean };

export type LoadPlan = {
  target: Target;
  /** one list per virtual client; the first `concurrency` lists are used in each phase */
  clients: OwnedApplication[][];
  phases: Phase[];
};

export type LoadResult = {
  phase: string;
  concurrency: number;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  firstFailure: string | null;
};

/** VERIFY then UNVERIFY of the KTP, turn about per application: it never leaves its stage. */
const EVENTS = [
  { type: 'VERIFY_DOCUMENT', document: 'KTP' },
  { type: 'UNVERIFY_DOCUMENT', document: 'KTP' },
] as const;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function post(agent: http.Agent, target: Target, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${target.url}${target.path}`,
      {
        method: 'POST',
        agent,
        headers: { ...target.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function runPhase(plan: LoadPlan, phase: Phase, turn: Map<number, number>): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: phase.concurrency });
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const end = performance.now() + phase.ms;
  const client = async (owned: OwnedApplication[]) => {
    for (let k = 0; performance.now() < end; k++) {
      const app = owned[k % owned.length]!;
      const n = turn.get(app.id) ?? 0;
      const body = JSON.stringify({ id: app.id, revision: app.revision, event: EVENTS[n % 2] });
      const t0 = performance.now();
      const res = await post(agent, plan.target, body);
      latencies.push(performance.now() - t0);
      if (res.status >= 200 && res.status < 300) {
        app.revision++;
        turn.set(app.id, n + 1);
      } else {
        failures++;
        firstFailure ??= `${res.status} ${res.text.slice(0, 300)}`;
        // the revision may or may not have moved: stop this client rather than guess
        return;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(plan.clients.slice(0, phase.concurrency).map(client));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    phase: phase.name,
    concurrency: phase.concurrency,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    failures,
    firstFailure,
  };
}

async function main() {
  const plan = JSON.parse(process.argv[2] ?? '') as LoadPlan;
  for (const clients of plan.clients) if (clients.length === 0) throw new Error('a client owns no application');
  const turn = new Map<number, number>();
  for (const phase of plan.phases) {
    const result = await runPhase(plan, phase, turn);
    if (phase.measured || result.failures > 0) process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
