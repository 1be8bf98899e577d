import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

/**
 * An HTTP server on 127.0.0.1 (free port) whose answers the test chooses per path: garbage, compression bombs,
 * bodies that trickle or never end, redirects elsewhere, wrong shapes. Requests are recorded. Always `close()` it.
 */
export interface HostileServer {
  readonly url: string;
  readonly port: number;
  /** Answer requests whose path (without query) is `path`; `'*'` answers every other path. */
  on(path: string, handler: Handler): void;
  readonly requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

export async function hostileServer(): Promise<HostileServer> {
  const handlers = new Map<string, Handler>();
  const requests: HostileServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const handler = handlers.get(path) ?? handlers.get('*');
      if (handler) handler(req, res, body);
      else {
        res.statusCode = 404;
        res.end('404 page not found\n');
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    on: (path, handler) => void handlers.set(path, handler),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `{"status":"success","data":…}` */
export const success =
  (data: unknown): Handler =>
  (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: 'success', data }));
  };

/** A literal body with a status and content type. */
export const raw =
  (text: string, status = 200, contentType = 'application/json'): Handler =>
  (_req, res) => {
    res.statusCode = status;
    res.setHeader('content-type', contentType);
    res.end(text);
  };

/**
 * A body that decompresses to `members × memberBytes` zero bytes: concatenated gzip members (or deflate/brotli
 * streams of one block), each compressed once, so a 2 GB bomb costs the server ~2 MB.
 */
export function bomb(encoding: 'gzip' | 'deflate' | 'br', decompressedBytes: number): Handler {
  const block = 16 * 1024 * 1024;
  const members = Math.ceil(decompressedBytes / block);
  const zeros = Buffer.alloc(block);
  const one =
    encoding === 'gzip'
      ? zlib.gzipSync(zeros, { level: 9 })
      : encoding === 'deflate'
        ? zlib.deflateSync(Buffer.alloc(Math.min(decompressedBytes, 256 * 1024 * 1024)), { level: 9 })
        : zlib.brotliCompressSync(Buffer.alloc(Math.min(decompressedBytes, 256 * 1024 * 1024)), {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 },
          });
  const count = encoding === 'gzip' ? members : 1;
  return (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('content-encoding', encoding);
    let sent = 0;
    const pump = () => {
      while (sent < count) {
        sent++;
        if (!res.write(one)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => undefined);
    pump();
  };
}

/** Sends headers and then `chunk` every `everyMs`, never ending (until the client goes away). */
export function trickle(chunk = ' ', everyMs = 100): Handler {
  return (_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.write('{"status":"success","data":');
    const timer = setInterval(() => res.write(chunk), everyMs);
    res.on('close', () => clearInterval(timer));
  };
}

/** An endless fast body of `a`s (uncompressed): the 1.2 GB answer. */
export function endless(): Handler {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return (_req, res) => {
    res.setHeader('content-type', 'text/plain');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('error', () => undefined);
    pump();
  };
}

/** Never answers at all. */
export const hang: Handler = () => undefined;

/** Redirects to `location` with `status`. */
export const redirect =
  (location: string, status = 302): Handler =>
  (_req, res) => {
    res.statusCode = status;
    res.setHeader('location', location);
    res.end();
  };
