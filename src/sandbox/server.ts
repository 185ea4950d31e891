// The sandbox server: an HTTP forward proxy (absolute-form requests and CONNECT tunnels) and an
// origin server for every sandbox host, on one loopback port. Pages are rendered per request.
import http from 'node:http';
import tls from 'node:tls';
import net, { type Socket } from 'node:net';
import zlib from 'node:zlib';
import { siteOnDay } from './daily.ts';
import { dayNumber } from './dates.ts';
import { buildSiteModel, type SiteModel } from './model.ts';
import { badGateway, downHost, knownHost, respond, send, type Reply, type RouterState } from './respond.ts';
import { hostileBomb, streamEndless, streamHuge, streamHugePdf, type HostileStream } from './hostile.ts';
import { generateWeb, type SandboxOptions, type SandboxWeb } from './web.ts';
import { SandboxCa, type CertKind } from './certs.ts';
import { hostOfAddress } from './dns.ts';

/** A started sandbox. */
export interface RunningSandbox {
  /** http://127.0.0.1:PORT — use as HTTP_PROXY. */
  proxyUrl: string;
  port: number;
  web: SandboxWeb;
  /** How many requests the server answered for a host, or for a host and path (query optional). */
  requests: (host: string, path?: string) => number;
  /** Serves the web as it stands on another day (on or after the as-of date; see daily.ts). */
  setDay(day: string): void;
  /** Stops listening and ends every connection, held ones included. */
  close(): Promise<void>;
  /** The root certificate (PEM) of the sites that answer HTTPS: a crawl trusts it as an office trusts its own CA (extraCa). */
  readonly caPem: string;
}

/** Models kept in memory; a miss costs well under a millisecond. */
const MODEL_CACHE = 512;
/** /slow-headers waits this long before its status line (longer than any sane header timeout). */
const SLOW_HEADERS_MS = 60_000;

/**
 * Starts the sandbox on 127.0.0.1 (port 0 = any free port). Its hosts also answer over IPv6 on ::1
 * (127.0.0.1 where the loopback has no IPv6), where the proxy sends a CONNECT to one of their AAAA
 * addresses; `ipv6: false` is a network without IPv6 (such a CONNECT is answered 502, network unreachable).
 */
export async function startSandbox(opts: SandboxOptions & { port?: number; host?: string; ipv6?: boolean }): Promise<RunningSandbox> {
  const { port = 0, host = '127.0.0.1', ipv6 = true, ...webOpts } = opts;
  const web = generateWeb(webOpts);
  const counts = new Map<string, number>();
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const cache = new Map<number, SiteModel>();
  let day = webOpts.day ?? webOpts.asOf;
  // Made when first needed: a sandbox nobody asks for HTTPS generates no key.
  let ca: SandboxCa | undefined;
  const authority = (): SandboxCa => (ca ??= new SandboxCa(webOpts.asOf));
  siteOnDayCheck(webOpts.asOf, day);

  const state: RouterState = {
    web,
    model(index) {
      let m = cache.get(index);
      if (m) {
        cache.delete(index);
        cache.set(index, m);
        return m;
      }
      m = buildSiteModel(web, index);
      if (day !== web.options.asOf && !web.plans[index]?.hostile) m = siteOnDay(m, day);
      cache.set(index, m);
      if (cache.size > MODEL_CACHE) cache.delete(cache.keys().next().value as number);
      return m;
    },
    hit(key) {
      const n = hits.get(key) ?? 0;
      hits.set(key, n + 1);
      return n;
    },
  };

  const count = (targetHost: string, pathAndQuery: string): void => {
    const q = pathAndQuery.indexOf('?');
    const path = normalisePath(q < 0 ? pathAndQuery : pathAndQuery.slice(0, q));
    const keys = new Set([targetHost, `${targetHost} ${path}`, `${targetHost} ${path}${q < 0 ? '' : pathAndQuery.slice(q)}`]);
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  };

  // The sandbox's hosts over IPv6: on ::1, plain HTTP and TLS (the certificate chosen by SNI), reached
  // only through the proxy's CONNECT to an AAAA address. Each role's IPv6 defect is served here.
  const v6Http = http.createServer({ keepAlive: true }, (req, res) => {
    const target = targetOf(req);
    const index = target ? web.hosts.get(target.host) : undefined;
    const m = index === undefined ? undefined : state.model(index);
    if (!target || !m) {
      if (target) count(`[v6] ${target.host}`, target.path);
      write(target ? respond(state, { host: target.host, method: req.method ?? 'GET', path: target.path, userAgent: req.headers['user-agent'] ?? '' }) : BAD_TARGET, req, res);
      return;
    }
    count(`[v6] ${target.host}`, target.path);
    const home = target.path === '/' || target.path === new URL(m.home).pathname;
    if (m.ipv6 === 'flaky' && home && state.hit(`[v6] flaky ${target.host}`) % 3 === 0) {
      req.socket.destroy();
      return;
    }
    if (m.ipv6 === 'stale' && home) return write(ipv6Placeholder(), req, res);
    if (m.ipv6 === 'partial' && !home) return write(badGateway('refused', target.host), req, res);
    write(respond(state, { host: target.host, method: req.method ?? 'GET', path: target.path, userAgent: req.headers['user-agent'] ?? '' }), req, res);
  });
  v6Http.keepAliveTimeout = 5_000;
  const v6Tls = tls.createServer({
    SNICallback: (name, cb) => {
      const index = web.hosts.get(name.toLowerCase());
      const certificate = index === undefined ? null : state.model(index).https;
      if (certificate === null) cb(new Error(`no certificate for ${name}`));
      else cb(null, secureContext(name.toLowerCase(), certificate));
    },
  });
  v6Tls.on('secureConnection', (socket) => v6Http.emit('connection', socket));
  v6Tls.on('tlsClientError', (_e, socket) => socket.destroy());
  const secureContext = (name: string, certificate: CertKind): tls.SecureContext => {
    const t = authority().forHost(name, certificate);
    return tls.createSecureContext({ key: t.key, cert: t.cert, ...(t.weak ? { minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' } : { minVersion: 'TLSv1.2' }) });
  };
  const v6Ports = ipv6 ? await listenV6(v6Http, v6Tls) : null;

  /** A CONNECT to an IPv6 address: piped to the ::1 listener as the address's host, or refused as a network would. */
  const connectV6 = (address: string, targetPort: number, socket: Socket, head: Buffer): void => {
    const owner = hostOfAddress(web, address);
    const index = owner === undefined ? undefined : web.hosts.get(owner);
    const m = index === undefined ? undefined : state.model(index);
    let refusal: [number, string, string] | null = null;
    if (!v6Ports || !owner) refusal = [502, 'unreachable', `Network is unreachable: ${address}`];
    else if (m?.ipv6 === 'silent' || downHost(state, owner)) refusal = [504, 'timeout', `No answer from [${address}]:${targetPort}`];
    else if (targetPort !== 80 && (targetPort !== 443 || !m?.https)) refusal = [502, 'refused', `Connection refused by [${address}]:${targetPort}`];
    if (refusal) return refuseTunnel(socket, ...refusal);
    const upstream = net.connect({ host: v6Ports!.host, port: targetPort === 443 ? v6Ports!.tls : v6Ports!.http });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.once('connect', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
  };

  const server = http.createServer({ keepAlive: true }, (req, res) => {
    const target = targetOf(req);
    if (!target) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request target\n');
      return;
    }
    if (target.host === host || target.host === 'localhost' || target.host === '127.0.0.1') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(infoText(web, addressUrl()));
      return;
    }
    count(target.host, target.path);
    const reply: Reply = target.port !== 80 && knownHost(web, target.host)
      ? { kind: 'send', status: 502, headers: { 'content-type': 'text/plain', 'x-sandbox-error': 'refused' }, body: Buffer.from('only port 80 is served\n'), compressible: false }
      : respond(state, { host: target.host, method: req.method ?? 'GET', path: target.path, userAgent: req.headers['user-agent'] ?? '' });
    write(reply, req, res);
  });
  server.keepAliveTimeout = 5_000;

  const write = (reply: Reply, req: http.IncomingMessage, res: http.ServerResponse): void => {
    switch (reply.kind) {
      case 'hang':
        return; // held until the client gives up or close() destroys the socket
      case 'hostile':
        return writeHostile(reply.what, res);
      case 'send': {
        let body = reply.body;
        const headers: Record<string, string> = { ...reply.headers };
        const index = web.hosts.get(targetOf(req)?.host ?? '');
        const compression = index === undefined ? 'none' : state.model(index).compression;
        if (reply.compressible && compression !== 'none') {
          headers.vary = 'Accept-Encoding';
          const accepted = String(req.headers['accept-encoding'] ?? '');
          if (compression === 'gzip' && /\bgzip\b/.test(accepted)) {
            // Level 1, nginx's default gzip_comp_level: level 6 took 2.5 s of the sandbox's 16 s at 200 sites.
            body = zlib.gzipSync(body, { level: 1 });
            headers['content-encoding'] = 'gzip';
          } else if (compression === 'br' && /\bbr\b/.test(accepted)) {
            body = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
            headers['content-encoding'] = 'br';
          }
        }
        headers['content-length'] = String(body.length);
        res.writeHead(reply.status, headers);
        res.end(body);
      }
    }
  };

  const writeHostile = (what: HostileStream, res: http.ServerResponse): void => {
    switch (what) {
      case 'huge-pdf':
        return streamHugePdf(res);
      case 'endless':
        return streamEndless(res, timers);
      case 'huge':
        return streamHuge(res);
      case 'bomb': {
        const body = hostileBomb();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': String(body.length) });
        res.end(body);
        return;
      }
      case 'slow-headers': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body>slow</body></html>\n');
        }, SLOW_HEADERS_MS);
        timers.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
        });
      }
    }
  };

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  // CONNECT host:80 → "200 Connection Established", then the same socket carries plain HTTP that
  // this server parses again and routes by Host.
  server.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
    const targetHost = (m?.[1] ?? '').toLowerCase();
    const targetPort = Number(m?.[2] ?? 0);
    socket.on('error', () => socket.destroy());
    if (net.isIP(targetHost) === 6) return connectV6(targetHost, targetPort, socket, head);
    let error: 'dns' | 'refused' | null = null;
    const index = web.hosts.get(targetHost);
    const certificate = targetPort === 443 && index !== undefined ? state.model(index).https : null;
    if (!knownHost(web, targetHost)) error = 'dns';
    else if ((targetPort !== 80 && certificate === null) || downHost(state, targetHost)) error = 'refused';
    if (error) return refuseTunnel(socket, 502, error, error === 'dns' ? `DNS lookup failed for ${targetHost}` : `Connection refused by ${targetHost}`);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    if (certificate === null) {
      server.emit('connection', socket);
      return;
    }
    // HTTPS: the tunnel's far end is this server speaking TLS with the host's certificate, then the same HTTP.
    const secure = new tls.TLSSocket(socket, { isServer: true, secureContext: secureContext(targetHost, certificate) });
    secure.on('error', () => secure.destroy());
    server.emit('connection', secure);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('sandbox server has no TCP address');
  const actualPort = address.port;
  const addressUrl = (): string => `http://${host}:${actualPort}`;

  let closing: Promise<void> | null = null;
  return {
    proxyUrl: addressUrl(),
    port: actualPort,
    get caPem(): string {
      return authority().rootPem;
    },
    web,
    requests(h: string, path?: string): number {
      const key = path === undefined ? h.toLowerCase() : `${h.toLowerCase()} ${normaliseQueryPath(path)}`;
      return counts.get(key) ?? 0;
    },
    setDay(next: string): void {
      siteOnDayCheck(webOpts.asOf, next);
      day = next;
      cache.clear();
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        let open = v6Ports ? 3 : 1;
        const closed = (): void => void (--open === 0 && resolve());
        server.close(closed);
        if (v6Ports) {
          v6Http.close(closed);
          v6Tls.close(closed);
          v6Http.closeAllConnections();
        }
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function normalisePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function normaliseQueryPath(p: string): string {
  const q = p.indexOf('?');
  return q < 0 ? normalisePath(p) : normalisePath(p.slice(0, q)) + p.slice(q);
}

/** Host, port and path of a request in absolute form (proxy) or origin form (Host header). */
const BAD_TARGET: Reply = { kind: 'send', status: 400, headers: { 'content-type': 'text/plain' }, body: Buffer.from('bad request target\n'), compressible: false };

/** What a role seeded with a stale IPv6 copy shows over IPv6 instead of its home page. */
function ipv6Placeholder(): Reply {
  return send(200, 'text/html; charset=utf-8', '<!DOCTYPE html><html><head><meta charset="utf-8"><title>IPv6 访问测试页</title></head><body><h1>IPv6 访问测试页</h1><p>本页面用于测试 IPv6 访问，网站内容正在同步中。</p></body></html>\n');
}

/** Answers a CONNECT the proxy will not open, and closes the socket. */
function refuseTunnel(socket: Socket, status: number, error: string, text: string): void {
  const body = `${text}\n`;
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nx-sandbox-error: ${error}\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

/**
 * Listens with both IPv6 servers on ::1; where the loopback has no IPv6 (a container with IPv6 turned
 * off), on 127.0.0.1: the sandbox's IPv6 network is still the AAAA addresses its proxy maps, only the
 * last hop is IPv4. Null when neither can be had.
 */
async function listenV6(plain: http.Server, secure: tls.Server): Promise<{ host: string; http: number; tls: number } | null> {
  const listen = (s: net.Server, host: string): Promise<number | null> =>
    new Promise((resolve) => {
      s.once('error', () => resolve(null));
      s.listen(0, host, () => resolve((s.address() as net.AddressInfo).port));
    });
  for (const host of ['::1', '127.0.0.1']) {
    const a = await listen(plain, host);
    const b = a === null ? null : await listen(secure, host);
    if (a !== null && b !== null) return { host, http: a, tls: b };
    if (plain.listening) await new Promise((done) => plain.close(done));
  }
  return null;
}

function targetOf(req: http.IncomingMessage): { host: string; port: number; path: string } | null {
  const url = req.url ?? '/';
  if (/^[a-z]+:\/\//i.test(url)) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:') return null;
      return { host: u.hostname.toLowerCase(), port: u.port === '' ? 80 : Number(u.port), path: u.pathname + u.search };
    } catch {
      return null;
    }
  }
  const hostHeader = req.headers.host;
  if (!hostHeader || !url.startsWith('/')) return null;
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(hostHeader);
  if (!m?.[1]) return null;
  return { host: m[1].toLowerCase(), port: m[2] ? Number(m[2]) : 80, path: url };
}

function infoText(web: SandboxWeb, proxyUrl: string): string {
  const lines = [
    `Simulated government web: ${web.sites.length} sites, seed ${web.options.seed}, as of ${web.options.asOf}.`,
    `Use this server as an HTTP proxy: HTTP_PROXY=${proxyUrl}`,
    '',
    ...web.sites.map((s) => `${s.id}\t${s.url}\t${s.name}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A day the sandbox can serve: on or after its as-of date. */
function siteOnDayCheck(asOf: string, day: string): void {
  if (dayNumber(day) < dayNumber(asOf)) throw new Error(`the sandbox's days start at its as-of date ${asOf}, not ${day}`);
}
