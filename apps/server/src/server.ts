import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { appRouter, createContextFactory } from '@kader/api';
import type { DbHandle } from '@kader/db';
import { type Message, msg } from '@kader/workflow';
import { batchRefusal, callsOf } from './batch';
import { crossSiteRefusal, ownOrigin, parsePublicOrigin } from './crossSite';
import { EXPORT_BASE, serveExport } from './exports';
import { ENCODING_SUFFIX, preferredEncoding } from './encoding';
import { BODY_TOO_LARGE, MAX_BATCH_CALLS, MAX_BODY_BYTES } from './limits';
import { refusalBody, sendJson, sendRefusal } from './refusal';
import { batchedLines } from './requestLog';
import { lastSchedulerRun } from './scheduler';
import { createTrpcHandler } from './trpcHandler';

export type ServerOptions = {
  handle: DbHandle;
  /** The built admin SPA (apps/admin/dist). When it is missing only the API is served. */
  staticDir: string | null;
  port: number;
  host: string;
  /**
   * One line per finished request; never bodies, never query strings (they may carry a NIK).
   * By default standard output, a turn of the event loop's lines at a time (`requestLog.ts`).
   */
  log?: (line: string) => void;
  /** After this long, connections still open at shutdown are cut. */
  shutdownTimeoutMs?: number;
  /**
   * Served over HTTPS (e.g. behind a proxy): the session cookie is marked Secure, every response
   * carries HSTS, and the server's own origin is `https://<Host>`.
   */
  secureCookies?: boolean;
  /**
   * The origin browsers use to reach the server (`https://kader.example`) when a proxy stands in
   * front: then it is the one origin a POST may come from. See `parsePublicOrigin`.
   */
  publicOrigin?: string;
  /**
   * Plain JSON calls are answered without tRPC's fetch round trip (`plainCalls.ts`); false sends
   * every call through `resolveResponse`, so a test can compare the two answers.
   */
  plainCalls?: boolean;
};

export type RunningServer = {
  url: string;
  server: http.Server;
  /** Stops accepting, lets in-flight requests finish, then resolves. Does not close the database. */
  close(): Promise<void>;
};

const TRPC_BASE = '/trpc/';
/** What tRPC takes (HEAD it answers empty); anything else is refused before it runs. */
const TRPC_METHODS: readonly string[] = ['GET', 'HEAD', 'POST'];
/** What the health check and the static files take. */
const READ_METHODS: readonly string[] = ['GET', 'HEAD'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export async function createServer(opts: ServerOptions): Promise<RunningServer> {
  const sink = opts.log ? { log: opts.log, flush: () => {} } : batchedLines();
  const log = sink.log;
  const staticRoot = opts.staticDir ? path.resolve(opts.staticDir) : null;
  const secure = opts.secureCookies ?? false;
  const headers = securityHeaders(secure);
  const publicOrigin = opts.publicOrigin === undefined ? null : parsePublicOrigin(opts.publicOrigin);
  const createContext = createContextFactory(opts.handle, { secureCookies: secure });
  let closing = false;

  const trpcHandler = createTrpcHandler({
    router: appRouter,
    // The batch size is checked in `route` first, with an answer in words; this stays as a second line.
    maxBodyBytes: MAX_BODY_BYTES,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext,
    plainCalls: opts.plainCalls ?? true,
    // Unexpected errors are logged (without inputs) by @kader/api's error mapping, once.
  });

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const method = req.method ?? 'GET';
    // Parsed once: its path routes the request, its query tells a tRPC batch.
    let target: URL | null = null;
    try {
      target = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // fall through with '/': the request is answered as a bad request below
    }
    const pathname = target?.pathname ?? '/';
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${method} ${pathname} ${res.statusCode} ${ms.toFixed(1)}ms`);
      // A keep-alive connection that was busy when shutdown began becomes idle now.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    if (closing) res.setHeader('Connection', 'close');
    for (const [name, value] of headers) res.setHeader(name, value);

    route(req, res, method, pathname, target ?? new URL('/', 'http://localhost')).catch((err: unknown) => {
      log(`error serving ${method} ${pathname}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) sendRefusal(res, 500, msg('INTERNAL'));
      else res.destroy();
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse, method: string, pathname: string, target: URL) {
    if (pathname === '/trpc' || pathname === TRPC_BASE) {
      return sendRefusal(res, 404, msg('PROCEDURE_MISSING'));
    }
    if (pathname.startsWith(TRPC_BASE)) {
      // tRPC would hand TRACE or CONNECT to fetch's Request, which throws (a 500): refuse them here.
      if (!TRPC_METHODS.includes(method)) {
        return sendMethodNotAllowed(res, method, TRPC_METHODS);
      }
      const crossSite = crossSiteRefusal(req, method, publicOrigin ?? ownOrigin(req, secure));
      if (crossSite) return sendRefusal(res, 403, crossSite);
      const procedurePath = pathname.slice(TRPC_BASE.length);
      const calls = callsOf(procedurePath, target.searchParams);
      const batch = calls && batchRefusal(calls);
      if (batch) return sendRefusal(res, 400, batch);
      // A declared length over the limit is refused before a byte is read; a chunked body is cut
      // off at the same limit with the same words (`trpcHandler.ts`).
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return sendRefusal(res, 413, BODY_TOO_LARGE);
      return trpcHandler(req, res, target, procedurePath);
    }
    if (pathname.startsWith(EXPORT_BASE)) return serveExport(req, res, { method, pathname, target, createContext });
    if (pathname === '/health') {
      if (method !== 'GET' && method !== 'HEAD') return sendMethodNotAllowed(res, method, READ_METHODS);
      sendJson(res, ...health(opts.handle));
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') return sendMethodNotAllowed(res, method, READ_METHODS);
    await serveStatic(req, res, staticRoot, pathname);
  }

  // Keep-alive outlasts the clients' own idle timers by far: with Node's 5 s a client that sends on
  // a connection just as the server closes it gets a reset (seen under load on 2 cores); a
  // client uses the advertised timeout less a second, so 65 s leaves no such race in practice.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // CONNECT never reaches the request handler: Node hands it over as a tunnel request.
  server.on('connect', (req: http.IncomingMessage, socket: Duplex) => refuseConnect(req, socket, secure));
  // Requests Node's parser refuses (headers or URL over 16 KB, malformed request lines) never reach
  // the handler either; without this listener they get a bare status and no words.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => refuseUnparsable(err, socket, secure));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const shownHost =
    opts.host === '0.0.0.0' || opts.host === '::'
      ? 'localhost'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
  const url = `http://${shownHost}:${address.port}`;

  let closed: Promise<void> | null = null;
  function close(): Promise<void> {
    closed ??= new Promise<void>((resolve, reject) => {
      closing = true;
      const force = setTimeout(() => server.closeAllConnections(), opts.shutdownTimeoutMs ?? 10_000);
      force.unref();
      server.close((err) => {
        clearTimeout(force);
        sink.flush();
        if (err) reject(err);
        else resolve();
      });
      server.closeIdleConnections();
    });
    return closed;
  }

  return { url, server, close };
}

/**
 * Headers for every response. The CSP allows only this origin's scripts (Vite emits no inline
 * script); inline style attributes are allowed because React sets some.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Served over HTTPS: browsers are told to use nothing else for a year (no preload: that is a separate, lasting commitment). */
const HSTS = 'max-age=31536000';

function securityHeaders(secure: boolean): [string, string][] {
  return [
    ['Content-Security-Policy', CSP],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'same-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ...(secure ? ([['Strict-Transport-Security', HSTS]] as [string, string][]) : []),
  ];
}

/** The answer to CONNECT, written on the socket itself (there is no response object for it). */
function refuseConnect(req: http.IncomingMessage, socket: Duplex, secure: boolean) {
  const message = msg('METHOD_NOT_ALLOWED', { method: req.method ?? 'CONNECT', allowed: TRPC_METHODS });
  answerOnSocket(socket, secure, '405 Method Not Allowed', JSON.stringify(refusalBody(405, message)), [
    `Allow: ${TRPC_METHODS.join(', ')}`,
  ]);
}

function refuseUnparsable(err: NodeJS.ErrnoException, socket: Duplex, secure: boolean) {
  // A connection reset, or one already answered, has nobody left to tell.
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const message = tooLarge
    ? msg('REQUEST_HEAD_TOO_LARGE', { kilobytes: Math.floor(http.maxHeaderSize / 1024) })
    : msg('REQUEST_UNREADABLE');
  const body = JSON.stringify(tooLarge ? headerTooLargeBody(message) : refusalBody(400, message));
  answerOnSocket(socket, secure, tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request', body, []);
}

/** tRPC has no code for 431; the shape is the one every other refusal has. */
function headerTooLargeBody(message: Message) {
  const shape = refusalBody(413, message);
  return { error: { ...shape.error, data: { ...shape.error.data, httpStatus: 431 } } };
}

/** Writes a whole response on a raw socket (outside Node's request handling) and closes it. */
function answerOnSocket(socket: Duplex, secure: boolean, statusLine: string, body: string, extra: string[]) {
  const head = [
    `HTTP/1.1 ${statusLine}`,
    ...extra,
    'Content-Type: application/json; charset=utf-8',
    'Cache-Control: no-store',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    ...securityHeaders(secure).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.on('error', () => socket.destroy());
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * The database decides the status (503 when it does not answer). The scheduler's last run, when one
 * ran in this process, is shown beside it: its failures are a contract's problem, not the server's.
 */
function health(handle: DbHandle): [number, unknown] {
  const last = lastSchedulerRun(handle);
  const scheduler = last ? { scheduler: last } : {};
  try {
    handle.sqlite.prepare('select 1').get();
    return [200, { ok: true, db: 'ok', ...scheduler }];
  } catch {
    return [503, { ok: false, db: 'error', ...scheduler }];
  }
}

async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, root: string | null, pathname: string) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendRefusal(res, 400, msg('ADDRESS_BAD_ENCODING'));
  }
  // The WHATWG parser already folds plain `..`; encoded ones (`%2e%2e`, `..%2f`, `..%5c`) and NULs surface here.
  const segments = decoded.split(/[/\\]/);
  if (decoded.includes('\0') || segments.some((s) => s === '..')) {
    return sendRefusal(res, 400, msg('ADDRESS_NOT_ALLOWED'));
  }
  if (!root) {
    return sendText(
      res,
      404,
      'The admin UI is not built. Run `npx pnpm@10 build` (or start with `npx pnpm@10 start`), then reload.\n',
    );
  }

  const file = path.resolve(root, `.${path.posix.normalize(decoded.replaceAll('\\', '/'))}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    return sendRefusal(res, 400, msg('ADDRESS_NOT_ALLOWED'));
  }

  const isAsset = decoded.startsWith('/assets/');
  const found = decoded.endsWith('/') ? null : await fileStats(file);
  if (found) {
    const cache = isAsset
      ? 'public, max-age=31536000, immutable' // Vite puts a content hash in every name under assets/
      : path.basename(file) === 'index.html'
        ? 'no-cache'
        : 'public, max-age=3600';
    return sendFile(req, res, file, found, cache);
  }

  // Client routes (`/daftar`, `/lamaran/12`) get the app; a missing asset or file is a real 404,
  // otherwise a stale page asking for an old chunk would be handed HTML it cannot run.
  const lastSegment = segments[segments.length - 1] ?? '';
  if (isAsset || path.extname(lastSegment) !== '') {
    return sendRefusal(res, 404, msg('FILE_NOT_FOUND'));
  }
  const index = path.join(root, 'index.html');
  const indexStats = await fileStats(index);
  if (!indexStats) return sendText(res, 404, 'The admin UI is not built (index.html is missing).\n');
  return sendFile(req, res, index, indexStats, 'no-cache');
}

async function fileStats(file: string): Promise<Stats | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/**
 * A file, or its precompressed copy when the build wrote one and the client takes that coding
 * (`encoding.ts`). Each copy has its own ETag, and `Vary` tells caches the answer depends on it.
 */
async function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, stats: Stats, cache: string) {
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  // The build writes both copies or neither: one look at each, side by side.
  const [br, gzip] = await Promise.all([fileStats(file + ENCODING_SUFFIX.br), fileStats(file + ENCODING_SUFFIX.gzip)]);
  const copies = { br, gzip };
  const encoding = preferredEncoding(req.headers['accept-encoding']);
  const copy = encoding ? copies[encoding] : null;
  const sent =
    copy && encoding ? { file: file + ENCODING_SUFFIX[encoding], stats: copy, encoding } : { file, stats, encoding: null };
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${sent.encoding ? `-${sent.encoding}` : ''}"`;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', cache);
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', stats.mtime.toUTCString());
  if (br || gzip) res.setHeader('Vary', 'Accept-Encoding');
  if (sent.encoding) res.setHeader('Content-Encoding', sent.encoding);
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Length', sent.stats.size);
  res.statusCode = 200;
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(sent.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function sendText(res: http.ServerResponse, status: number, text: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** 405, naming the methods the address takes (in words and in the Allow header). */
function sendMethodNotAllowed(res: http.ServerResponse, method: string, allowed: readonly string[]) {
  sendRefusal(res, 405, msg('METHOD_NOT_ALLOWED', { method, allowed }), { Allow: allowed.join(', ') });
}
