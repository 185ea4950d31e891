// Portal-wide display settings.
import { evidenceOrigin } from './urls.ts';

/** The portal's name in the header and page titles. */
export const PORTAL_NAME = '政府网站监管平台';

/**
 * Content-Security-Policy of the built pages: scripts and styles only from the portal's own files,
 * never inline (the build writes CSS to files), so text quoted from inspected sites can never run
 * or restyle the page. Images from data: only for small icons, and from EVIDENCE_URL's origin when the screenshots are
 * kept there.
 * 'wasm-unsafe-eval' lets the site search (Pagefind) compile its WebAssembly search engine: it
 * runs in a Web Worker, which a browser may hold to the page's policy, and in the page itself when
 * the worker cannot start. It allows WebAssembly only, never JavaScript eval or inline code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  ["img-src 'self' data:", evidenceOrigin()].filter(Boolean).join(' '),
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
