import net from 'node:net';

/** Many idle keep-alive HTTP/1.1 connections to one server on 127.0.0.1, held open by this process. */
export interface HeldConnections {
  /** Connections open now. */
  readonly open: number;
  /** Connections that got at least one byte of response. */
  readonly answered: number;
  /** Writes one `GET path` on every connection at once; each stays in flight until the server answers. */
  request(path: string): void;
  /** Destroys every connection and resolves once each has closed (the fds are freed). */
  close(): Promise<void>;
}

/**
 * Opens `count` TCP connections to `url` (127.0.0.1 only), `batch` at a time so the server's accept backlog never
 * overflows. Connections are opened before any request is sent, so sending requests on all of them is one burst.
 * Rejects, after closing what it opened, if any connection fails.
 */
export async function holdConnections(url: string, count: number, batch = 500): Promise<HeldConnections> {
  const { hostname, port } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`holdConnections(): 127.0.0.1 only, got ${hostname}`);
  const sockets: net.Socket[] = [];
  const answered = new Set<net.Socket>();
  const closed = new Set<net.Socket>();
  const closeAll = async () => {
    const waits = sockets.map((s) =>
      closed.has(s) ? Promise.resolve() : new Promise<void>((resolve) => s.once('close', () => resolve())),
    );
    for (const s of sockets) s.destroy();
    await Promise.all(waits);
  };
  try {
    for (let opened = 0; opened < count; opened += batch) {
      const n = Math.min(batch, count - opened);
      await Promise.all(
        Array.from(
          { length: n },
          () =>
            new Promise<void>((resolve, reject) => {
              const socket = net.connect({ host: '127.0.0.1', port: Number(port) });
              sockets.push(socket);
              socket.once('close', () => closed.add(socket));
              socket.on('data', () => answered.add(socket));
              socket.once('connect', () => {
                socket.off('error', reject);
                socket.on('error', () => undefined); // reset by the server later: counted as closed, not thrown
                resolve();
              });
              socket.once('error', reject);
            }),
        ),
      );
    }
  } catch (err) {
    await closeAll();
    throw new Error(`holdConnections(): ${sockets.length} of ${count} connections to ${url} opened, then: ${err}`);
  }
  return {
    get open() {
      return sockets.length - closed.size;
    },
    get answered() {
      return answered.size;
    },
    request(path) {
      const text = `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
      for (const s of sockets) if (!closed.has(s)) s.write(text);
    },
    close: closeAll,
  };
}
