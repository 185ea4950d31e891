// A test web site on 127.0.0.1 for the browser tests: pages by path, each request counted by path.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a path answers: an HTML page, or a body with its content type (and a status, headers); undefined is a 404. */
export type Answer = string | { type: string; body: string | Buffer; status?: number; headers?: Record<string, string> } | undefined;

export interface PageServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  origin: string;
  /** Requests received, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Serve `answer(path, host)` on a free loopback port until close(). Used as a forward proxy, it sees
 * the whole URL, so one server can be a web of several hosts.
 */
export async function startPageServer(answer: (path: string, host: string) => Answer): Promise<PageServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'x'}`);
    const path = url.pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const a = answer(path, url.hostname);
    const { type, body, status, headers } = typeof a === 'string' ? { type: 'text/html; charset=utf-8', body: a, status: 200, headers: {} } : (a ?? { type: 'text/html; charset=utf-8', body: 'not found', status: 404, headers: {} });
    res.writeHead(status ?? 200, { 'content-type': type, ...headers }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
