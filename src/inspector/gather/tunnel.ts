// An HTTP CONNECT tunnel through the run's proxy, for the connections the crawl opens itself rather
// than through undici's proxy agent: the certificate's handshakes (certificate.ts) and requests to a
// host's IPv6 address (ipv6.ts).
import http from 'node:http';
import type net from 'node:net';

export type Tunnel = { ok: true; socket: net.Socket } | { ok: false; /** The proxy's answer, when it answered. */ status?: number; /** The proxy did not answer in time. */ timedOut?: true; detail: string };

/** Opens a tunnel to `authority` (host:port, or [IPv6]:port) through the HTTP proxy at `proxy`. */
export function openTunnel(authority: string, proxy: string, timeoutMs: number): Promise<Tunnel> {
  const p = new URL(proxy);
  return new Promise((resolve) => {
    const req = http.request({ host: p.hostname.replace(/^\[|\]$/g, ''), port: Number(p.port || 80), method: 'CONNECT', path: authority, headers: { host: authority }, timeout: timeoutMs });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) resolve({ ok: true, socket });
      else {
        socket.destroy();
        resolve({ ok: false, status: res.statusCode ?? 0, detail: `代理服务器拒绝连接（HTTP ${res.statusCode}）` });
      }
    });
    req.once('timeout', () => {
      req.destroy();
      resolve({ ok: false, timedOut: true, detail: `代理连接超时（${timeoutMs / 1000} 秒）` });
    });
    req.once('error', (e) => resolve({ ok: false, detail: `代理连接失败：${e.message}` }));
    req.end();
  });
}
