// A built portal served as GitHub Pages serves it, on 127.0.0.1: for the link checker and browser tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import sirv from 'sirv';

/** A running static server; close() ends every connection, kept-alive ones included. */
export interface StaticServer {
  /** The portal's home, e.g. http://127.0.0.1:40123/gov-portal/ (always ends with a slash). */
  url: string;
  /** http://127.0.0.1:40123 */
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The built folder (dist/). */
  dir: string;
  /** The portal's base path as in astro.config.mjs: '/', '/gov-portal' or '/gov-portal/'. */
  base: string;
}

/** '/gov-portal', 'gov-portal/', '/' or '' → '/gov-portal/' or '/'. */
export function normalizeBase(base: string): string {
  const b = base.trim().replace(/^\/+|\/+$/g, '');
  if (/[?#\\]|\/\/|(^|\/)\.\.?(\/|$)/.test(b)) throw new Error(`base path: expected a path like /repo, got ${JSON.stringify(base)}`);
  return b ? `/${b}/` : '/';
}

// The types GitHub Pages sends for what a portal ships, text with its charset (the CSV downloads
// are UTF-8 Chinese: without it a browser may guess GBK). sirv's own guess (mrmime) serves the
// rest; pagefind's index formats have no type anywhere, and GitHub sends them as octet-stream.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  // The open data's compressed files: a download, never decoded on the way (no Content-Encoding).
  '.gz': 'application/gzip',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** The Content-Type served for a file name, when it is one of the types a portal ships. */
export function contentTypeFor(file: string): string | undefined {
  return TYPES[extname(file).toLowerCase()];
}

/** Every file under dir, as '/a/b.html' paths (dotfiles out, as sirv leaves them out). */
function listFiles(dir: string): Set<string> {
  const files = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = join(entry.parentPath, entry.name).slice(dir.length).replaceAll('\\', '/').normalize();
    if (/\/\.(?!well-known\/)/.test(rel)) continue;
    files.add(rel);
  }
  return files;
}

type Resolution = { kind: 'file'; path: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

/**
 * What GitHub Pages does with a path under the base: a file as is; /x from x.html; /x/ from
 * x/index.html; /x redirected to /x/ when only x/index.html exists (so relative links resolve).
 */
function resolvePath(files: Set<string>, rel: string, mount: string, search: string): Resolution {
  let path: string;
  try {
    path = decodeURIComponent(rel).normalize();
  } catch {
    return { kind: 'missing' };
  }
  if (path.includes('\0') || /(^|\/)\.\.?(\/|$)/.test(path)) return { kind: 'missing' };
  if (path.endsWith('/')) return files.has(`${path}index.html`) ? { kind: 'file', path: `${path}index.html` } : { kind: 'missing' };
  if (files.has(path)) return { kind: 'file', path };
  if (files.has(`${path}.html`)) return { kind: 'file', path: `${path}.html` };
  if (files.has(`${path}/index.html`)) return { kind: 'redirect', location: `${mount}${rel}/${search}` };
  return { kind: 'missing' };
}

/** Serve dir under base on an ephemeral 127.0.0.1 port, with GitHub Pages' directory, redirect and 404 behaviour. */
export async function serveStatic({ dir, base }: ServeOptions): Promise<StaticServer> {
  const root = resolve(dir);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`serveStatic: ${dir} is not a directory`);
  const mountBase = normalizeBase(base);
  const mount = mountBase.slice(0, -1); // '' for '/'
  const files = listFiles(root);
  const serve = sirv(root, {
    dev: false,
    etag: true,
    // Resolution is ours (resolvePath), so sirv must not guess other files.
    extensions: [],
    setHeaders: (res, pathname) => {
      const type = contentTypeFor(pathname);
      if (type) res.setHeader('Content-Type', type);
    },
  });
  // Read once: GitHub Pages answers every miss under the portal with it, status 404.
  const page404 = files.has('/404.html') ? readFileSync(join(root, '404.html')) : undefined;
  const notFound = (res: ServerResponse, inside: boolean) => {
    if (inside && page404) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page404.length }).end(page404);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  };

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    const search = q < 0 ? '' : raw.slice(q);
    if (pathname === mount && mount) {
      res.writeHead(301, { Location: `${mountBase}${search}` }).end();
      return;
    }
    // Outside the base is another site on GitHub Pages (the owner's), never this portal.
    if (!pathname.startsWith(mountBase)) return notFound(res, false);
    const r = resolvePath(files, pathname.slice(mount.length), mount, search);
    if (r.kind === 'redirect') {
      res.writeHead(301, { Location: r.location }).end();
      return;
    }
    if (r.kind === 'missing') return notFound(res, true);
    // sirv reads req.url (decoding it with decodeURI): point it at the exact file resolved above.
    req.url = encodeURI(r.path);
    serve(req, res, () => notFound(res, true));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${mountBase}`,
    origin,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((e) => (e ? fail(e) : ok()));
        // Browsers and the checker keep connections alive; close() must not wait out their idle timeout.
        server.closeAllConnections();
      }),
  };
}
