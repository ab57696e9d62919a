import { afterEach, describe, expect, it } from 'vitest';
import { demoHashCost } from '../src/services/seedDemo';

describe("the demo users' password hash cost", () => {
  const saved = process.env.KADER_DEMO_HASH;
  afterEach(() => {
    if (saved === undefined) delete process.env.KADER_DEMO_HASH;
    else process.env.KADER_DEMO_HASH = saved;
  });

  it('is cheap only where the test suites ask for it (their servers inherit the variable)', () => {
    process.env.KADER_DEMO_HASH = 'fast';
    expect(demoHashCost()).toEqual({ N: 1024, r: 8, p: 1 });
  });

  it('is the full cost otherwise, as for every real user', () => {
    delete process.env.KADER_DEMO_HASH;
    expect(demoHashCost()).toBeUndefined();
    process.env.KADER_DEMO_HASH = 'yes';
    expect(demoHashCost()).toBeUndefined();
  });
});
