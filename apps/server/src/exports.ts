/**
 * `GET /export/<list>.csv?<filters>`: a list of the product as a CSV download (issue 12). The
 * session, the access checks and the masking are @kader/api's (`openExport`, the same context
 * factory and guards as the tRPC procedures); this module only streams: each page of rows is
 * written as it is read, and when the socket's buffer is full (`res.write` returns false) the next
 * page is not read until 'drain', so a slow client holds back the reading instead of the server
 * buffering the whole file. Between pages the event loop is let go, so other requests are served
 * while a 100,000-row file goes out.
 */
import type http from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Context, exportRefusal, isExportList, openExport } from '@kader/api';
import { msg } from '@kader/workflow';
import { sendJson, sendRefusal } from './refusal';

export const EXPORT_BASE = '/export/';
const EXPORT_METHODS: readonly string[] = ['GET', 'HEAD'];

type CreateContext = (opts: { req: http.IncomingMessage; res: http.ServerResponse }) => Context;

export async function serveExport(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  { method, pathname, target, createContext }: { method: string; pathname: string; target: URL; createContext: CreateContext },
): Promise<void> {
  if (!EXPORT_METHODS.includes(method)) {
    return sendRefusal(res, 405, msg('METHOD_NOT_ALLOWED', { method, allowed: EXPORT_METHODS }), {
      Allow: EXPORT_METHODS.join(', '),
    });
  }
  const match = /^([a-z]+)\.csv$/.exec(pathname.slice(EXPORT_BASE.length));
  const list = match?.[1];
  if (!list || !isExportList(list)) return sendRefusal(res, 404, msg('FILE_NOT_FOUND'));

  let opened: ReturnType<typeof openExport>;
  try {
    opened = openExport({ ctx: createContext({ req, res }), list, query: target.searchParams });
  } catch (cause) {
    const { status, body } = exportRefusal(cause);
    return sendJson(res, status, body);
  }

  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${opened.filename}"`);
  // personal data: never kept by a cache on the way
  res.setHeader('Cache-Control', 'no-store');
  if (method === 'HEAD') {
    // nothing is read, so nothing is logged: the chunks are lazy
    res.end();
    return;
  }
  await writeChunks(res, opened.chunks);
}

/**
 * Writes each chunk as it is produced, waiting for 'drain' whenever the socket says it is full.
 * A client that goes away stops the reading (the iterator is closed, so no more pages are read or
 * logged); a failure midway cuts the connection, so the client sees a broken download rather than
 * a file that looks complete.
 */
async function writeChunks(res: http.ServerResponse, chunks: Iterable<string>): Promise<void> {
  const iterator = chunks[Symbol.iterator]();
  let gone = false;
  const onClose = () => {
    gone = true;
  };
  res.on('close', onClose);
  try {
    for (;;) {
      if (gone || res.destroyed) return;
      const step = iterator.next();
      if (step.done) break;
      if (!res.write(step.value)) {
        await drainedOrClosed(res);
      } else {
        await nextTurn();
      }
    }
    res.end();
  } catch (err) {
    res.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  } finally {
    res.off('close', onClose);
    iterator.return?.();
  }
}

/** Resolves at 'drain', or at 'close' (a client that leaves never drains), leaving no listener behind. */
function drainedOrClosed(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
