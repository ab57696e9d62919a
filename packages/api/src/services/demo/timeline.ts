/**
 * The demo history's clock: every action (a registration, an event, a monthly record, a decision,
 * a scheduler run) is put on its day first, then all are run in day order with the clock set to
 * office hours on that day, so each service sees the date it would have seen. Within a day the
 * scheduler's run comes first (it runs at night in the product), then the rest in the order added,
 * a minute apart.
 */
export type Timeline = {
  /** the instant the action being run sees */
  now: () => Date;
  /** `run` on `day` (`YYYY-MM-DD`); `label` names it when it fails */
  add: (day: string, label: string, run: () => void, opts?: { first?: boolean }) => void;
  size: () => number;
  run: (onProgress?: (done: number, total: number) => void) => void;
};

/** 08:00 WIB, in UTC: every branch of the history is in WIB. */
const OFFICE_OPENS_UTC = 'T01:00:00.000Z';

export function timeline(): Timeline {
  const actions: { day: string; first: boolean; seq: number; label: string; run: () => void }[] = [];
  let clock = 0;
  return {
    now: () => new Date(clock),
    add: (day, label, run, opts = {}) => {
      actions.push({ day, first: opts.first ?? false, seq: actions.length, label, run });
    },
    size: () => actions.length,
    run(onProgress) {
      actions.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : Number(b.first) - Number(a.first) || a.seq - b.seq));
      let day = '';
      let minute = 0;
      actions.forEach((a, i) => {
        minute = a.day === day ? minute + 1 : 0;
        day = a.day;
        clock = Date.parse(`${a.day}${OFFICE_OPENS_UTC}`) + minute * 60_000;
        try {
          a.run();
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`demo history, ${a.day} ${a.label}: ${reason}`, { cause: error });
        }
        onProgress?.(i + 1, actions.length);
      });
    },
  };
}
