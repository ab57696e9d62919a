import http from 'node:http';

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One request exactly as written: any method, any path, a body with or without a length. fetch
 * refuses TRACE and CONNECT and normalises paths, so the refusals are tested through this.
 */
export function raw(
  url: string,
  opts: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer; chunked?: boolean },
): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  const body = opts.body === undefined ? undefined : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
  const headers: Record<string, string | number> = { ...opts.headers };
  // Without a length Node sends chunks for POST/PUT/PATCH, but not for DELETE or OPTIONS.
  if (body && !opts.chunked) headers['content-length'] = body.length;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: opts.path, method: opts.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    // A server that refuses a large body early may close before it is all sent: the answer counts.
    req.on('error', reject);
    if (body) req.end(body);
    else req.end();
  });
}

/** The error shape every refusal carries, HTTP-level or tRPC: what the admin UI shows. */
export type ErrorBody = {
  error: {
    message: string;
    code: number;
    data: {
      code: string;
      httpStatus: number;
      kader: {
        code: string;
        reason: string;
        params: Record<string, unknown>;
        message: string;
        fields?: { path: string; reason: string; params: Record<string, unknown>; message: string }[];
      };
    };
  };
};

export function errorOf(res: RawResponse): ErrorBody['error'] {
  const parsed = JSON.parse(res.body) as ErrorBody | ErrorBody[];
  const one = Array.isArray(parsed) ? parsed[0]! : parsed;
  return one.error;
}
