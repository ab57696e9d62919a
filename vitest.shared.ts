/**
 * The test settings every package shares. Timeouts are generous because CI runs every package's
 * tests at once on two cores; a test that needs a figure prints it, it never races a clock.
 */
export default {
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    // Demo users get a cheap password hash under test (their password is public): see seedDemo.
    env: { KADER_DEMO_HASH: 'fast' },
    hookTimeout: 30_000,
  },
};
