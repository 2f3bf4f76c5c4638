/**
 * A TCP proxy on 127.0.0.1 in front of the real PostgreSQL or Redis (the way toxiproxy is used):
 * a test points the code at the proxy and then cuts every connection (as a server restart does),
 * cuts them once a given number of bytes has gone through (a connection dying mid-write), stalls
 * them (a server that stops answering), or refuses new ones (an outage). The real servers, which
 * other tests share, are never touched.
 */
import net from 'node:net';

export interface FaultProxy {
  /** The URL to give the code under test: `target` with the proxy's port. */
  url: string;
  /** Destroys every open connection now (new ones are accepted). */
  cut(): void;
  /** Destroys every open connection once `bytes` more bytes have gone from clients to the server. */
  cutAfter(bytes: number): Promise<void>;
  /** Stops forwarding in both directions (connections stay open); `resume` lets the data through. */
  stall(): void;
  resume(): void;
  /** Cuts every connection and refuses new ones until `up`. */
  down(): void;
  up(): void;
  /** Connections accepted so far. */
  readonly accepted: number;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, defaultPort: number): Promise<FaultProxy> {
  const u = new URL(target);
  const host = u.hostname;
  const port = Number(u.port || defaultPort);
  const pairs = new Set<{ client: net.Socket; server: net.Socket }>();
  let refusing = false;
  let stalled = false;
  let accepted = 0;
  let budget: { left: number; done: () => void } | null = null;

  const cutAll = () => {
    for (const p of pairs) {
      p.client.destroy();
      p.server.destroy();
    }
    pairs.clear();
  };

  const listener = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    accepted++;
    const server = net.connect({ host, port });
    const pair = { client, server };
    pairs.add(pair);
    const end = () => {
      client.destroy();
      server.destroy();
      pairs.delete(pair);
    };
    client.on('error', end).on('close', end);
    server.on('error', end).on('close', end);
    // Forwarded by hand (not pipe) so a stall holds the bytes and a byte budget can cut mid-stream.
    client.on('data', (chunk: Buffer) => {
      if (budget) {
        budget.left -= chunk.length;
        if (budget.left <= 0) {
          const { done } = budget;
          budget = null;
          cutAll();
          done();
          return;
        }
      }
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => client.write(chunk));
    if (stalled) {
      client.pause();
      server.pause();
    }
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const proxyPort = (listener.address() as net.AddressInfo).port;
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(proxyPort);

  return {
    url: url.toString(),
    cut: cutAll,
    cutAfter: (bytes) =>
      new Promise<void>((done) => {
        budget = { left: bytes, done };
      }),
    stall() {
      stalled = true;
      for (const p of pairs) {
        p.client.pause();
        p.server.pause();
      }
    },
    resume() {
      stalled = false;
      for (const p of pairs) {
        p.client.resume();
        p.server.resume();
      }
    },
    down() {
      refusing = true;
      cutAll();
    },
    up() {
      refusing = false;
    },
    get accepted() {
      return accepted;
    },
    async close() {
      cutAll();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}
