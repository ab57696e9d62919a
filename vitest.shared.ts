/**
 * The test settings every package shares. A test that needs a figure prints it, it never races a
 * clock: a timeout only catches a hang. CI runs six suites and a browser at once on two cores, where
 * a test taking 6 s alone (the CLI seeding through tsx) took over 30 s: hence 120 s.
 */
export default {
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Demo users get a cheap password hash under test (their password is public): see seedDemo.
    env: { KADER_DEMO_HASH: 'fast' },
  },
};
