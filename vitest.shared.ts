/**
 * The test settings every package shares. A test that needs a figure prints it, it never races a
 * clock: a timeout only catches a hang. CI runs six suites and a browser at once on two cores, where
 * the slowest tests (the router fuzz, the generated-paths oracle: 15-20 s alone) took up to 54 s:
 * the timeout stays at least 3x that.
 */
export default {
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Demo users get a cheap password hash under test (their password is public): see seedDemo.
    env: { KADER_DEMO_HASH: 'fast' },
  },
};
