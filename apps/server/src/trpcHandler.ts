import type http from 'node:http';
import type { AppRouter, Context } from '@kader/api';
import { resolveResponse } from '@trpc/server/http';
import { BODY_TOO_LARGE } from './limits';
import { answerPlain, PLAIN_HEADERS, plainCalls } from './plainCalls';
import { sendRefusal } from './refusal';

/**
 * /trpc requests: plain JSON calls answered directly (`plainCalls.ts`), the rest handed to tRPC's
 * `resolveResponse` (its documented way to write an adapter) the short way. tRPC's own node
 * adapter (`createHTTPHandler`) turns the body into a web ReadableStream read chunk by chunk, and
 * pipes the answer back through a WritableStream as chunked writes: per request that cost more
 * CPU than the whole transaction of a send (a CPU profile under load: ~20% of the server's time in
 * web-stream steps, the Request and the Response). Here the body, already bounded, is read into
 * one Buffer, and the answer, always one JSON document (no subscriptions or streamed calls here),
 * is written in one go with its length (not chunked), head and body in one packet.
 */
type TrpcHandlerOptions = {
  router: AppRouter;
  maxBodyBytes: number;
  maxBatchSize: number;
  /** Answer plain JSON calls directly (`plainCalls.ts`); false: everything through `resolveResponse`. */
  plainCalls: boolean;
  createContext: (opts: { req: http.IncomingMessage; res: http.ServerResponse }) => Context;
};

export function createTrpcHandler(opts: TrpcHandlerOptions) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, target: URL, procedurePath: string) => {
    const method = req.method ?? 'GET';
    let body: Buffer | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const read = await readBody(req, opts.maxBodyBytes);
      // A chunked body past the limit (a declared length was refused before): the same words.
      if (read === 'tooLarge') return sendRefusal(res, 413, BODY_TOO_LARGE);
      // The client went away mid-body: nobody is left to answer.
      if (read === 'aborted') return;
      body = read;
    }
    const context = async () => opts.createContext({ req, res });
    const plain =
      opts.plainCalls &&
      plainCalls(
        opts.router,
        {
          method,
          path: procedurePath,
          search: target.searchParams,
          contentType: req.headers['content-type'],
          wantsStream: req.headers['trpc-accept'] !== undefined || /application\/jsonl/i.test(req.headers.accept ?? ''),
          body,
        },
        opts.maxBatchSize,
      );
    if (plain) {
      const answer = await answerPlain(opts.router, plain, context);
      res.statusCode = answer.status;
      for (const name in PLAIN_HEADERS) res.setHeader(name, PLAIN_HEADERS[name]!);
      res.setHeader('Content-Length', Buffer.byteLength(answer.body));
      res.end(answer.body);
      return;
    }
    // Aborted when the client goes away before its answer, as tRPC's adapter does.
    const abort = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) abort.abort();
    };
    res.once('close', onClose);
    const request = new Request(target, { method, headers: headersOf(req), body, signal: abort.signal });
    const response = await resolveResponse({
      router: opts.router,
      req: request,
      path: procedurePath,
      maxBatchSize: opts.maxBatchSize,
      createContext: context,
      error: null,
    });
    // A string, not bytes: Node then sends the head and the body in one write.
    const text = response.body ? await response.text() : null;
    res.statusCode = response.status;
    for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value);
    // The session cookie is set on `res` by the context; tRPC adds none of its own, but keep any.
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.appendHeader('set-cookie', cookies);
    if (text === null) res.end();
    else {
      res.setHeader('Content-Length', Buffer.byteLength(text));
      res.end(text);
    }
  };
}

/** The body as one Buffer; 'tooLarge' as soon as it passes `limit` bytes (the rest is left unread). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'tooLarge' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done();
        resolve('tooLarge');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    // A reset connection errors the request, or just closes it before its end.
    const onGone = () => {
      done();
      resolve('aborted');
    };
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onGone);
      req.off('close', onGone);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onGone);
  });
}

/** Node's parsed headers as fetch Headers (repeated ones appended, as tRPC's adapter does). */
function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.append(name, value);
  }
  return headers;
}
