import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startScheduler } from '../src/scheduler';
import { openSeededCopy } from './seeded';

describe('the server scheduler', () => {
  it('catches up at start, then acts on each tick with its clock, logging what it sent', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kader-sched-'));
    const handle = openSeededCopy(path.join(dir, 'k.db'), 'fixed');
    try {
      const lines: string[] = [];
      let clock = new Date('2026-11-23T03:00:00Z');
      const s = startScheduler(handle, { intervalMs: 3_600_000, now: () => clock, log: (l) => lines.push(l) });
      // The seed already ran the scheduler for its "today": nothing more is due.
      expect(lines).toEqual([]);
      // A year later every agreement has ended: undecided ones lapse.
      clock = new Date('2028-01-15T03:00:00Z');
      s.tick();
      s.stop();
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => /^scheduler: contract \d+ (EVALUATION_DUE|AGREEMENT_ENDED) -> \w+$/.test(l))).toBe(true);
      const open = handle.sqlite
        .prepare("select count(*) n from contracts where state in ('active','evaluationDue','decided')")
        .get();
      expect(open).toEqual({ n: 0 });
    } finally {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
