// Chinese for screenshots. The packaged Chromium has no CJK font, so Chinese would show as empty
// boxes: a shot's page gets Noto Sans SC (@fontsource-variable/noto-sans-sc, SIL OFL 1.1) as the
// last named font of every element (before a generic family), served from node_modules through a host that never resolves. The
// package splits the font by unicode-range into ~100 woff2 files, so a page loads only the few
// slices its characters need. Only the shot pages get it: what the crawl reads is not touched.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The made-up origin the font files are served from to a page (.invalid never resolves: RFC 2606). */
export const FONT_ORIGIN = 'https://cjk-font.invalid';

/** The family the package declares, appended to every element's own. */
export const CJK_FAMILY = 'Noto Sans SC Variable';

/** A file name of the package's files/ folder. */
const FONT_FILE = /^noto-sans-sc-[\w-]+\.woff2$/;

let folder: string | undefined;
let css: string | undefined;

/** The package's folder (its index.css beside files/). */
function fontFolder(): string {
  return (folder ??= dirname(fileURLToPath(import.meta.resolve('@fontsource-variable/noto-sans-sc'))));
}

/** The package's @font-face rules, with each file's URL on FONT_ORIGIN. */
export function cjkFontFaces(): string {
  return (css ??= readFileSync(join(fontFolder(), 'index.css'), 'utf8').replaceAll('url(./files/', `url(${FONT_ORIGIN}/`));
}

/** The bytes of one font file named by a request's path, or undefined for any other name. */
export function cjkFontFile(pathname: string): Buffer | undefined {
  const name = pathname.replace(/^\//, '');
  return FONT_FILE.test(name) ? readFileSync(join(fontFolder(), 'files', name)) : undefined;
}
