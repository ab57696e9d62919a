/**
 * The request log's default sink: lines gathered during one turn of the event loop and written to
 * standard output together. Writing to a pipe is synchronous on Linux, so a `console.log` per
 * request cost a system call and console formatting each (~5% of the server's CPU under load);
 * now a burst of requests costs one write. Nothing waits longer than the current turn, and
 * `flush()` writes what is pending at once (at shutdown, before the process exits).
 */
export type LineSink = { log: (line: string) => void; flush: () => void };

export function batchedLines(write: (text: string) => void = (text) => process.stdout.write(text)): LineSink {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    write(text);
  };
  return {
    log: (line) => {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
