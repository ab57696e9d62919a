import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startScheduler } from '../src/scheduler';
import { createServer } from '../src/server';
import { openSeededCopy } from './seeded';

describe('a scheduler run with a corrupt contract', () => {
  it('logs the failing contract, acts on the rest, and /health reports the failure with status 200', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kader-sched-health-'));
    const handle = openSeededCopy(path.join(dir, 'k.db'), 'fixed');
    const app = await createServer({ handle, staticDir: null, port: 0, host: '127.0.0.1', log: () => {} });
    try {
      const open = handle.sqlite
        .prepare("select id from contracts where state in ('active','evaluationDue','decided') order by id")
        .all() as { id: number }[];
      expect(open.length).toBeGreaterThan(1);
      const bad = open[0]?.id;
      handle.sqlite
        .prepare('update contracts set snapshot = ? where id = ?')
        .run(JSON.stringify({ status: 'active', value: 'noSuchState', context: {} }), bad);

      const lines: string[] = [];
      const at = new Date('2028-01-15T03:00:00Z');
      const s = startScheduler(handle, { intervalMs: 3_600_000, now: () => at, log: (l) => lines.push(l) });
      s.stop();

      expect(lines.filter((l) => l.startsWith(`scheduler: contract ${bad} failed: `))).toHaveLength(1);
      expect(lines.some((l) => /^scheduler: contract \d+ AGREEMENT_ENDED -> \w+$/.test(l))).toBe(true);
      const stillOpen = handle.sqlite
        .prepare("select id from contracts where state in ('active','evaluationDue','decided')")
        .all();
      expect(stillOpen).toEqual([{ id: bad }]);

      const res = await fetch(`${app.url}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        ok: true,
        db: 'ok',
        scheduler: { lastRunAt: at.toISOString(), failures: 1 },
      });
    } finally {
      await app.close();
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
