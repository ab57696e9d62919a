/** How the benchmark writes its figures: rates, medians, a cell with every round's value. */

export const rate = (r: number) => `${Math.round(r).toLocaleString('en-US')}/s`;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

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
