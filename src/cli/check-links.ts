// npm run check:links -- [--dir dist] [--base /gov-portal] [--concurrency 16]: every internal link
// of a built portal (src/postbuild/links.ts); its options, the report in words, the command.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InputError } from '../errors.ts';
import { checkLinks, type BrokenLink, type LinkCheckOptions, type LinkReport } from '../postbuild/links.ts';
import { normalizeBase } from '../postbuild/serve.ts';
import { wholeNumber } from './args.ts';

export const CHECK_LINKS_USAGE = `Usage: npm run check:links -- [--dir dist] [--base /gov-portal] [--concurrency 16]
Checks every internal link, asset and anchor of every HTML file of a built portal, served under its
base path as GitHub Pages serves it. --base defaults to BASE_PATH, else '/', as in astro.config.mjs.
Exit status: 0 no broken link, 1 broken links, 2 bad arguments.`;

/** The checker's options from the command line; undefined for --help. Bad arguments throw an InputError. */
export function parseCheckLinksArgs(argv: string[], env: Record<string, string | undefined>): LinkCheckOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { dir: { type: 'string', default: 'dist' }, base: { type: 'string' }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n${CHECK_LINKS_USAGE}`);
  }
  if (values.help) return undefined;
  const base = values.base ?? env.BASE_PATH ?? '/';
  try {
    normalizeBase(base);
  } catch (e) {
    throw new InputError(`--base: ${(e as Error).message}`);
  }
  if (!statSync(values.dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError(`--dir ${values.dir}: no such folder. Build the portal first (npm run build), or pass --dir.`);
  }
  const concurrency = wholeNumber('concurrency', values.concurrency, 1);
  return concurrency === undefined ? { dir: values.dir, base } : { dir: values.dir, base, concurrency };
}

/** Why one link is broken, in words. */
export function describeBroken(b: BrokenLink, base: string): string {
  switch (b.reason) {
    case 'status':
      return `HTTP ${b.status}`;
    case 'outside-base':
      return `outside the base path ${base} (on GitHub Pages that is another site)`;
    case 'missing-anchor':
      return `no element with id "${b.anchor}" on the target page`;
    case 'redirect':
      return b.detail;
    case 'invalid-url':
      return 'not a valid URL';
    case 'error':
      return `request failed: ${b.message}`;
  }
}

/** The summary and one line per broken link, for the terminal. */
export function formatLinkReport(r: LinkReport): string {
  const lines = [
    `Checked ${r.pages} pages under ${r.base}: ${r.links} internal links to ${r.urls} URLs; ${r.external} external links not fetched.`,
    r.broken.length ? `${r.broken.length} broken:` : 'No broken links.',
  ];
  for (const b of r.broken) {
    const link = b.link === '' ? '(the page itself)' : b.link;
    const where = b.resolved && b.resolved !== b.link ? ` (${b.resolved})` : '';
    lines.push(`  ${b.page} → ${link}${where}: ${describeBroken(b, r.base)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** npm run check:links: exit 0 with no broken link, 1 with some. */
export async function checkLinksCommand(argv: string[]): Promise<number> {
  const options = parseCheckLinksArgs(argv, process.env);
  if (!options) {
    console.log(CHECK_LINKS_USAGE);
    return 0;
  }
  const t0 = performance.now();
  const report = await checkLinks(options);
  process.stdout.write(formatLinkReport(report));
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return report.broken.length ? 1 : 0;
}
