import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { batchedLines } from '../src/requestLog';

describe('the request log sink', () => {
  it('writes the lines of one turn of the event loop together, in order, each ended by a newline', async () => {
    const writes: string[] = [];
    const sink = batchedLines((text) => writes.push(text));
    sink.log('GET /health 200 0.3ms');
    sink.log('POST /trpc/applications.send 200 1.2ms');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['GET /health 200 0.3ms\nPOST /trpc/applications.send 200 1.2ms\n']);
    sink.log('GET / 200 0.5ms');
    await nextTurn();
    expect(writes).toHaveLength(2);
    expect(writes[1]).toBe('GET / 200 0.5ms\n');
  });

  it('flush writes what is pending at once (shutdown), and nothing twice', async () => {
    const writes: string[] = [];
    const sink = batchedLines((text) => writes.push(text));
    sink.log('GET /health 200 0.3ms');
    sink.flush();
    expect(writes).toEqual(['GET /health 200 0.3ms\n']);
    await nextTurn();
    sink.flush();
    expect(writes).toHaveLength(1);
  });
});
