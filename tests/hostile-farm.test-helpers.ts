// Twelve hostile sites behind one forward proxy on 127.0.0.1, for the run that must end whatever they
// do (tests/hostile-run.test.ts). The proxy answers absolute-form HTTP requests itself, by host, and
// refuses every CONNECT at once; it logs every request, so a test can see that none went to a
// private address.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

const page = (title: string, body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const FOOTER = '<div class="footer">主办单位：某某县人民政府办公室 联系电话：0571-12345678</div>';
const day = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A gzip body that inflates to about 1 GiB of zeros (built once). */
let bomb: Buffer | undefined;
const gzipBomb = () => (bomb ??= gzipSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 }));

type Handler = (path: string, req: IncomingMessage, res: ServerResponse) => void;

/** The sites by host: what each does to a crawler. */
export const HOSTILE_SITES: Record<string, { name: string; handler: Handler }> = {
  'slowloris.hostile.gov.cn': {
    name: '慢速应答测试站',
    handler: (_p, _q, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const t = setInterval(() => res.write(' '), 500);
      res.on('close', () => clearInterval(t));
    },
  },
  'silent.hostile.gov.cn': { name: '无应答测试站', handler: () => {} },
  'bomb.hostile.gov.cn': {
    name: '压缩炸弹测试站',
    handler: (_p, _q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipBomb()),
  },
  'huge.hostile.gov.cn': {
    name: '超大页面测试站',
    handler: (_p, _q, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const more = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent >= 200) res.end();
      };
      res.on('drain', more);
      more();
    },
  },
  'loop.hostile.gov.cn': {
    name: '重定向循环测试站',
    handler: (p, _q, res) => res.writeHead(302, { location: p === '/' ? '/a' : '/' }).end(),
  },
  'calendar.hostile.gov.cn': {
    name: '无尽日历测试站',
    handler: (p, _q, res) => {
      const m = /^\/cal\/(\d{4}-\d{2}-\d{2})\.html$/.exec(p);
      const links = m ? Array.from({ length: 30 }, (_, i) => `<a href="/cal/${day(m[1]!, i + 1)}.html">${day(m[1]!, i + 1)}</a>`).join(' ') : '<a href="/cal/2026-11-01.html">日历</a>';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('日历', `${links}${FOOTER}`));
    },
  },
  'malformed.hostile.gov.cn': {
    name: '畸形页面测试站',
    handler: (_p, _q, res) => {
      const nested = '<div>'.repeat(20_000) + '深处' + '</div>'.repeat(20_000);
      // NUL bytes, and a lone surrogate as the bytes UTF-8 never allows (ED A0 80).
      const body = Buffer.concat([Buffer.from(page('畸形\u0000页面', `<p>空字符\u0000在此</p>`)), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(nested)]);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    },
  },
  'charset.hostile.gov.cn': {
    name: '错误编码测试站',
    // Says GBK, sends UTF-8.
    handler: (_p, _q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=gbk' }).end(Buffer.from(page('编码错误', `<p>某某县人民政府</p>${FOOTER}`))),
  },
  'private.hostile.gov.cn': {
    name: '内网链接测试站',
    handler: (_p, _q, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page('内网链接', `<a href="http://10.0.0.1/admin">内网</a><a href="http://169.254.169.254/latest/meta-data/">元数据</a><a href="http://[::1]/">本机</a><a href="http://localhost:8080/">本机</a><img src="http://192.168.1.1/x.png">${FOOTER}`)),
  },
  'xss.hostile.gov.cn': {
    name: '<script>alert("名称")</script>"\'>',
    handler: (_p, _q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('<script>alert(1)</script>', `<p>正常内容</p>${FOOTER}`)),
  },
  'reset.hostile.gov.cn': {
    name: '中途断开测试站',
    handler: (_p, req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': '100000' });
      res.write('<html><body><p>开始');
      setTimeout(() => req.socket.destroy(), 50);
    },
  },
  'normal.hostile.gov.cn': {
    name: '正常测试站',
    handler: (p, _q, res) => {
      const pages: Record<string, string> = {
        '/': page('正常测试站', `<h1>正常测试站</h1><a href="/about.html">概况</a><a href="/news/1.html">新闻</a>${FOOTER}`),
        '/about.html': page('概况', `<p>本站为测试用正常网站。</p>${FOOTER}`),
        '/news/1.html': page('新闻', `<p>发布时间：2026-11-18</p><p>会议召开。</p>${FOOTER}`),
      };
      const body = pages[p];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? page('404', '页面不存在'));
    },
  },
};

export interface HostileFarm {
  proxyUrl: string;
  /** Every request the proxy received, as host + path. */
  requests: string[];
  close(): Promise<void>;
}

/** Start the farm's proxy on a free loopback port. */
export async function startHostileFarm(): Promise<HostileFarm> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '', 'http://invalid');
    } catch {
      res.writeHead(400).end();
      return;
    }
    requests.push(`${url.host}${url.pathname}`);
    const site = HOSTILE_SITES[url.hostname];
    if (!site) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('unknown host');
      return;
    }
    if (url.pathname === '/robots.txt') {
      res.writeHead(404).end();
      return;
    }
    site.handler(url.pathname, req, res);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    requests.push(`CONNECT ${req.url}`);
    // The normal site's HTTPS port never answers (a CONNECT held open); the others' are refused at once.
    if (req.url?.startsWith('normal.')) return;
    socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    proxyUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
