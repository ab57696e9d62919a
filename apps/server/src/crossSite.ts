import type http from 'node:http';
import { type Message, msg } from '@kader/workflow';

/**
 * Cross-site request defence for everything that changes data (POST): the session cookie is
 * SameSite=Strict, and on top the request must carry a header a plain cross-site form cannot set,
 * and, when the browser names its origin, come from this server's own origin: scheme, host and
 * port, all three (`https://host` is another origin than `http://host`). `expectedOrigin` is that
 * origin, null when the request's Host cannot make one.
 */
export const REQUEST_HEADER = 'x-kader-request';
export function crossSiteRefusal(req: http.IncomingMessage, method: string, expectedOrigin: string | null): Message | null {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  if (req.headers[REQUEST_HEADER] !== '1') return msg('CROSS_SITE_HEADER_MISSING', { header: REQUEST_HEADER });
  const origin = req.headers.origin;
  if (origin === 'null') return msg('CROSS_SITE_ORIGIN_UNKNOWN');
  if (origin && (expectedOrigin === null || originOf(origin) !== expectedOrigin)) {
    return msg('CROSS_SITE_OTHER_ORIGIN');
  }
  return null;
}

/** An origin in its one serialised form (lower case, default port dropped), or null. */
function originOf(text: string): string | null {
  try {
    const origin = new URL(text).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Without a public origin, the server is where the browser reached it: its Host, by the scheme it serves. */
export function ownOrigin(req: http.IncomingMessage, secure: boolean): string | null {
  const host = req.headers.host;
  return host ? originOf(`${secure ? 'https' : 'http'}://${host}`) : null;
}

/**
 * Checks `--public-origin`: an http(s) origin with nothing after it (`https://kader.example`,
 * `https://kader.example:8443`), returned in its serialised form. Throws with the reason otherwise.
 */
export function parsePublicOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`public origin "${text}" is not a URL; write it as https://host[:port]`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`public origin "${text}" must start with https:// or http://`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(`public origin "${text}" must be only scheme, host and port, e.g. https://kader.example`);
  }
  return url.origin;
}
