/** How the benchmark writes its figures: rates, medians, a cell with every round's value. */

export const rate = (r: number) => `${Math.round(r).toLocaleString('en-US')}/s`;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * `runs` runs of `run` timed two ways, in ms: wall time (noisy on a shared machine) and this
 * thread's CPU time (steadier); the median of each and the best wall time.
 */
export async function timedRuns(runs: number, run: () => unknown): Promise<{ wall: number; best: number; cpu: number }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    await run();
    walls.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  return { wall: median(walls), best: Math.min(...walls), cpu: median(cpus) };
}

/** Each round's value (in run order), after the median a cell shows; nothing for a single round. */
export const roundsNote = (xs: number[], show: (x: number) => string) =>
  xs.length > 1 ? `; rounds ${xs.map(show).join(' · ')}` : '';

/** The median in bold, each round's value (in run order) after it. */
export const cell = (xs: number[], each: (r: number) => string) =>
  `**${rate(median(xs))}** (${each(median(xs))}${roundsNote(xs, (x) => Math.round(x).toLocaleString('en-US'))})`;

/** The time one command takes at a rate of `r` per second. */
export const perCommand = (r: number) => (r >= 1000 ? `${(1e6 / r).toFixed(0)} µs each` : `${(1000 / r).toFixed(2)} ms each`);

/** A duration in ms, to the precision it deserves. */
export const ms = (x: number) =>
  x < 1 ? `${x.toFixed(2)} ms` : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x).toLocaleString('en-US')} ms`;
