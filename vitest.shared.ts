/**
 * The test settings every package shares. Timeouts are generous because CI runs every package's
 * tests at once on two cores; a test that needs a figure prints it, it never races a clock.
 */
export default {
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
};
