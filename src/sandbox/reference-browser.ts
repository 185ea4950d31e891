// A reference browser for the sandbox's own tests: it runs a page's scripts far enough for the
// sandbox's script-built sites (document.write where the script stands, innerHTML of an element
// by id, XMLHttpRequest of a same-site file, a location redirect, frames), so the tests prove the
// truth on the page a visitor sees. Not the product's renderer: only the sandbox's own scripts run
// in it, in a node:vm context with a stub document.
import vm from 'node:vm';

/** A response as the reference browser needs it. */
export interface Resource {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Reads a URL (synchronously: a router, or a cache the caller fills); undefined when it cannot be had. */
export type Get = (url: string) => Resource | undefined;

/** A page as a browser shows it. */
export interface Shown {
  /** Whose content is shown: the script redirect's target, else the URL asked for. */
  url: string;
  html: string;
  /** Same-site URLs read to build it, in order: scripts, JSON files, frames, the redirect target. */
  read: string[];
}

/** Decodes HTML the way a careful crawler should: header charset, else valid UTF-8, else <meta>. */
export function decodeHtml(body: Buffer, contentType: string): string {
  const header = /charset=([\w-]+)/i.exec(contentType)?.[1];
  if (header) return new TextDecoder(header).decode(body);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const meta = /charset=["']?([\w-]+)/i.exec(body.subarray(0, 4096).toString('latin1'))?.[1];
    return new TextDecoder(meta ?? 'gbk').decode(body);
  }
}

/** Redirects and frames followed from one page. */
const MAX_DEPTH = 3;
/** A script's own document.write output may hold scripts that write again (the conac badge does). */
const MAX_NESTING = 3;
/**
 * The header clock writes the visitor's date, not the page's: left empty, as a crawler sees it.
 * Every other element a script fills must be an empty container.
 */
const CLOCK_ID = 'today';

/** The page at url with its scripts run, its frames shown in its body, its script redirect followed; undefined unless it answers 200. */
export function showPage(url: string, get: Get, depth = 0): Shown | undefined {
  const res = get(url);
  if (!res || res.status !== 200) return undefined;
  const html = decodeHtml(res.body, res.contentType);
  const read: string[] = [];
  if (/<frameset\b/i.test(html)) return { url, html: showFrames(url, html, get, depth, read), read };
  const page = new PageScripts(url, get, read);
  const written = page.run(html, 0);
  if (page.redirect !== undefined && depth < MAX_DEPTH) {
    const next = showPage(page.redirect, get, depth + 1);
    if (next) return { url: next.url, html: next.html, read: [...read, page.redirect, ...next.read] };
  }
  return { url, html: page.fill(written), read };
}

/** A frameset as one page: its head, then the body of each frame (shown in turn) in order. */
function showFrames(url: string, html: string, get: Get, depth: number, read: string[]): string {
  const head = /<head\b[^>]*>[\s\S]*?<\/head>/i.exec(html)?.[0] ?? '<head></head>';
  const bodies: string[] = [];
  for (const f of html.matchAll(/<frame\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
    const frameUrl = new URL(f[1] ?? '', url).href;
    read.push(frameUrl);
    const shown = depth < MAX_DEPTH ? showPage(frameUrl, get, depth + 1) : undefined;
    if (!shown) continue;
    read.push(...shown.read);
    bodies.push(/<body\b[^>]*>([\s\S]*)<\/body>/i.exec(shown.html)?.[1] ?? '');
  }
  return `<!DOCTYPE html>\n<html>\n${head}\n<body>\n${bodies.join('\n')}</body>\n</html>\n`;
}

/** The scripts of one page, run in document order in one context (their globals are shared, as in a browser). */
class PageScripts {
  redirect: string | undefined;
  readonly #url: string;
  readonly #get: Get;
  readonly #read: string[];
  readonly #filled = new Map<string, string>();
  readonly #context: vm.Context;
  #out: string[] = [];

  constructor(url: string, get: Get, read: string[]) {
    this.#url = url;
    this.#get = get;
    this.#read = read;
    const filled = this.#filled;
    const element = (id: string) => ({
      id,
      style: {},
      value: '',
      get innerHTML(): string {
        return filled.get(id) ?? '';
      },
      set innerHTML(v: string) {
        filled.set(id, String(v));
      },
    });
    const go = (u: string): void => {
      this.redirect = new URL(u, url).href;
    };
    const location = {
      get href(): string {
        return url;
      },
      set href(u: string) {
        go(u);
      },
      replace: go,
      assign: go,
    };
    const page = this;
    class XMLHttpRequest {
      readyState = 0;
      status = 0;
      responseText = '';
      onreadystatechange: (() => void) | null = null;
      onload: (() => void) | null = null;
      #target = '';
      open(_method: string, u: string): void {
        this.#target = new URL(u, url).href;
        this.readyState = 1;
      }
      send(): void {
        const res = page.#sameSite(this.#target);
        this.status = res?.status ?? 0;
        this.responseText = res ? decodeHtml(res.body, res.contentType) : '';
        this.readyState = 4;
        this.onreadystatechange?.();
        if (this.status === 200) this.onload?.();
      }
    }
    const document = {
      write: (...s: unknown[]) => void this.#out.push(s.join('')),
      writeln: (...s: unknown[]) => void this.#out.push(`${s.join('')}\n`),
      getElementById: element,
      title: '',
    };
    // Timers never fire: the page is read as it is first shown (a drifting 飘窗 stays where it starts).
    const sandbox: Record<string, unknown> = { document, location, XMLHttpRequest, alert: () => {}, setInterval: () => 0, setTimeout: () => 0, navigator: { userAgent: 'reference-browser' } };
    sandbox['window'] = sandbox;
    this.#context = vm.createContext(sandbox);
  }

  /** A same-site resource (other hosts' scripts and files are not read: the conac and 找错 scripts). */
  #sameSite(u: string): Resource | undefined {
    if (new URL(u).host !== new URL(this.#url).host) return undefined;
    this.#read.push(u);
    return this.#get(u);
  }

  /** HTML with each script's document.write output after it (scripts inside comments are not run; comments inside scripts are script text). */
  run(html: string, nesting: number): string {
    const tag = /<!--[\s\S]*?-->|<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
    return html.replace(tag, (whole, attrs: string | undefined, code: string | undefined) => (attrs === undefined ? whole : whole + this.#exec(attrs, code ?? '', nesting)));
  }

  #exec(attrs: string, code: string, nesting: number): string {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    let js = code;
    let name = this.#url;
    if (src !== undefined) {
      name = new URL(src, this.#url).href;
      const res = this.#sameSite(name);
      if (!res || res.status !== 200) return '';
      js = decodeHtml(res.body, res.contentType);
    }
    const outer = this.#out;
    this.#out = [];
    try {
      vm.runInContext(js, this.#context, { filename: name, timeout: 1_000 });
    } catch (e) {
      throw new Error(`a script of ${this.#url} (${name}) failed: ${(e as Error).message}`);
    }
    const written = this.#out.join('');
    this.#out = outer;
    return nesting < MAX_NESTING ? this.run(written, nesting + 1) : written;
  }

  /** HTML with what scripts set as innerHTML inside the (empty) elements of those ids. */
  fill(html: string): string {
    let out = html;
    for (const [id, inner] of this.#filled) {
      if (id === CLOCK_ID) continue;
      const empty = new RegExp(`(<([a-zA-Z][\\w-]*)\\b[^>]*\\bid=["']${id.replace(/[^\w-]/g, '\\$&')}["'][^>]*>)\\s*(</\\2>)`);
      if (!empty.test(out)) throw new Error(`a script of ${this.#url} fills #${id}, which is not an empty element of the page`);
      out = out.replace(empty, (_, open: string, _tag: string, close: string) => `${open}${inner}${close}`);
    }
    return out;
  }
}
