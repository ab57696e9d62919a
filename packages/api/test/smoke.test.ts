import { describe, expect, it } from 'vitest';
import { listBoard, seedDemo, verifyAuditLog } from '../src/index';
import { contextFor, madiun2026, tempDatabase } from './helpers';

describe('demo seed', () => {
  it('seeds through the service verbs once, and every application replays to its stored snapshot', async () => {
    const db = tempDatabase();
    try {
      expect(await seedDemo(db.handle, { today: '2026-11-23' })).toEqual({ seeded: true });
      expect(await seedDemo(db.handle, { today: '2026-11-23' })).toEqual({ seeded: false });
      const report = verifyAuditLog(db.handle);
      expect(report.checked).toBeGreaterThan(15);
      expect(report.mismatches).toEqual([]);
      const ctx = contextFor(db.handle, () => new Date());
      const board = listBoard({ ctx, input: { periodId: madiun2026(db.handle) } });
      const count = (s: string) => board.columns.find((c) => c.state === s)?.total;
      expect(count('active')).toBe(3);
      expect(count('rejected')).toBe(1);
      expect(count('withdrawn')).toBe(1);
    } finally {
      db.cleanup();
    }
  });
});
