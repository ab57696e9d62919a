import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { appRouter, createContextFactory } from '@kader/api';
import type { DbHandle } from '@kader/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';

export type ServerOptions = {
  handle: DbHandle;
  /** The built admin SPA (apps/admin/dist). When it is missing only the API is served. */
  staticDir: string | null;
  port: number;
  host: string;
  /** One line per finished request; never bodies, never query strings (they may carry a NIK). */
  log?: (line: string) => void;
  /** After this long, connections still open at shutdown are cut. */
  shutdownTimeoutMs?: number;
  /** Mark the session cookie Secure (when served over HTTPS, e.g. behind a proxy). */
  secureCookies?: boolean;
};

export type RunningServer = {
  url: string;
  server: http.Server;
  /** Stops accepting, lets in-flight requests finish, then resolves. Does not close the database. */
  close(): Promise<void>;
};

const TRPC_BASE = '/trpc/';
// tRPC buffers the whole body; nothing the admin UI sends comes near this.
const MAX_BODY_BYTES = 1024 * 1024;

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
  const log = opts.log ?? ((line: string) => console.log(line));
  const staticRoot = opts.staticDir ? path.resolve(opts.staticDir) : null;
  const createContext = createContextFactory(opts.handle, { secureCookies: opts.secureCookies ?? false });
  let closing = false;

  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: TRPC_BASE,
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req, res }) => createContext({ req, res }),
    // Unexpected errors are logged (without inputs) by @kader/api's error mapping, once.
  });

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const method = req.method ?? 'GET';
    let pathname = '/';
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      // fall through with '/': the request is answered as a bad request below
    }
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${method} ${pathname} ${res.statusCode} ${ms.toFixed(1)}ms`);
      // A keep-alive connection that was busy when shutdown began becomes idle now.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    if (closing) res.setHeader('Connection', 'close');
    setSecurityHeaders(res);

    route(req, res, method, pathname).catch((err: unknown) => {
      log(`error serving ${method} ${pathname}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
      else res.destroy();
    });
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse, method: string, pathname: string) {
    if (pathname === '/trpc' || pathname === TRPC_BASE) {
      sendJson(res, 404, { error: { message: 'No procedure named; use /trpc/<procedure>', code: 'NOT_FOUND' } });
      return;
    }
    if (pathname.startsWith(TRPC_BASE)) {
      const refused = crossSiteRefusal(req, method);
      if (refused) return sendJson(res, 403, { error: { message: refused, code: -32003, data: { code: 'FORBIDDEN', httpStatus: 403, kader: { code: 'FORBIDDEN', message: refused } } } });
      trpcHandler(req, res);
      return;
    }
    if (pathname === '/health') {
      if (method !== 'GET' && method !== 'HEAD') return sendMethodNotAllowed(res);
      sendJson(res, ...health(opts.handle));
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') return sendMethodNotAllowed(res);
    await serveStatic(req, res, staticRoot, pathname);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const shownHost =
    opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;

  let closed: Promise<void> | null = null;
  function close(): Promise<void> {
    closed ??= new Promise<void>((resolve, reject) => {
      closing = true;
      const force = setTimeout(() => server.closeAllConnections(), opts.shutdownTimeoutMs ?? 10_000);
      force.unref();
      server.close((err) => {
        clearTimeout(force);
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

function setSecurityHeaders(res: http.ServerResponse) {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/**
 * Cross-site request defence for everything that changes data (POST): the session cookie is
 * SameSite=Strict, and on top the request must carry a header a plain cross-site form cannot set,
 * and, when the browser names its origin, come from this server's own origin.
 */
export const REQUEST_HEADER = 'x-kader-request';
export function crossSiteRefusal(req: http.IncomingMessage, method: string): string | null {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  if (req.headers[REQUEST_HEADER] !== '1') return `Permintaan ditolak: header ${REQUEST_HEADER} tidak ada.`;
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== req.headers.host) return 'Permintaan ditolak: berasal dari situs lain.';
  } else if (origin === 'null') {
    return 'Permintaan ditolak: asal permintaan tidak dikenal.';
  }
  return null;
}

function health(handle: DbHandle): [number, unknown] {
  try {
    handle.sqlite.prepare('select 1').get();
    return [200, { ok: true, db: 'ok' }];
  } catch {
    return [503, { ok: false, db: 'error' }];
  }
}

async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, root: string | null, pathname: string) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendJson(res, 400, { error: 'malformed path' });
  }
  // The WHATWG parser already folds plain `..`; encoded ones (`%2e%2e`, `..%2f`, `..%5c`) and NULs surface here.
  const segments = decoded.split(/[/\\]/);
  if (decoded.includes('\0') || segments.some((s) => s === '..')) {
    return sendJson(res, 400, { error: 'path not allowed' });
  }
  if (!root) {
    return sendText(
      res,
      404,
      'The admin UI is not built. Run `npx pnpm@10 build` (or start with `npx pnpm@10 start`), then reload.\n',
    );
  }

  const file = path.resolve(root, '.' + path.posix.normalize(decoded.replaceAll('\\', '/')));
  if (file !== root && !file.startsWith(root + path.sep)) {
    return sendJson(res, 400, { error: 'path not allowed' });
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
    return sendJson(res, 404, { error: 'not found' });
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

function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, stats: Stats, cache: string) {
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', cache);
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', stats.mtime.toUTCString());
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Length', stats.size);
  res.statusCode = 200;
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function sendText(res: http.ServerResponse, status: number, text: string) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function sendMethodNotAllowed(res: http.ServerResponse) {
  res.setHeader('Allow', 'GET, HEAD');
  sendJson(res, 405, { error: 'method not allowed' });
}
