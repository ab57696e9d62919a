import { describe, expect, it } from 'vitest';
import { checkPart, PART_ROWS, percent, registerParts } from '../src/pages/import/parts';

describe('the candidate import in parts', () => {
  it('checks the file from its header in parts of rows', () => {
    expect(checkPart(1)).toEqual({ from: 1, to: PART_ROWS });
    expect(checkPart(PART_ROWS + 1)).toEqual({ from: PART_ROWS + 1, to: 2 * PART_ROWS });
  });

  it('registers the rows that passed in parts of at most PART_ROWS, skipping the rows with problems', () => {
    const ready = Array.from({ length: 2 * PART_ROWS + 3 }, (_, i) => i + 2).filter((r) => r !== 5);
    const parts = registerParts(ready);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toEqual({ from: 2, to: ready[PART_ROWS - 1] });
    expect(parts[2]).toEqual({ from: ready[2 * PART_ROWS], to: ready.at(-1) });
    expect(registerParts([])).toEqual([]);
  });

  it('shows progress as a whole percentage', () => {
    expect([percent(0, 0), percent(1, 3), percent(200, 2000), percent(5, 4)]).toEqual([0, 33, 10, 100]);
  });
});
