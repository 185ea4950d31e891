// npm run build's step after astro: the all-quarters open data (sites.csv.gz, findings.csv.gz,
// data.json.gz), made from the quarters' files the build published under dist/data/<quarter>/.
// An all-quarters file is its quarters' files one after the other under one header, so it is
// streamed a quarter at a time into gzip: astro never holds the whole history's bytes (at 15,000
// sites × 8 quarters, 0.9 GB), and the pages need not wait for it. Where the files go is the
// caller's: the portal's data/all/, or a folder the deploy workflow attaches to a release of the
// repository (GitHub Pages publishes 1 GB a site and 100 MB a file at most).
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { DATA_SCHEMA_VERSION, GZIP_OPTIONS } from '../lib/open-data.ts';
import { ALL_QUARTERS_DATA_NAMES, QUARTER_DATA_NAMES, type OpenDataFileName } from '../lib/urls.ts';

const QUARTER_DIR = /^\d{4}-Q[1-4]$/;
const JSON_TAIL = '\n]}\n';

/** One all-quarters file written. */
export interface AllQuartersFile {
  name: string;
  /** Its size, compressed. */
  bytes: number;
  /** Its size once decompressed. */
  rawBytes: number;
}

export interface AllQuartersReport {
  quarters: string[];
  out: string;
  files: AllQuartersFile[];
}

/** The quarters published under dist/data/, oldest first. */
export function publishedQuarters(distDir: string): string[] {
  const data = join(distDir, 'data');
  if (!existsSync(data)) return [];
  return readdirSync(data, { withFileTypes: true })
    .filter((e) => e.isDirectory() && QUARTER_DIR.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** A quarter's file as text, decompressed when the portal publishes it compressed; a missing file names itself. */
function quarterText(distDir: string, quarter: string, file: OpenDataFileName): string {
  const path = join(distDir, 'data', quarter, QUARTER_DATA_NAMES[file]);
  if (!existsSync(path)) throw new Error(`${path}: missing; every quarter under data/ publishes ${Object.values(QUARTER_DATA_NAMES).join(', ')}`);
  const bytes = readFileSync(path);
  try {
    return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (e) {
    throw new Error(`${path}: not a gzip file (${(e as Error).message})`);
  }
}

/** A CSV's header (BOM and first record) and its records; the header names have no quotes nor line breaks. */
function splitCsv(text: string, path: string): { header: string; records: string } {
  const end = text.indexOf('\r\n');
  if (end < 0) throw new Error(`${path}: no header line`);
  return { header: text.slice(0, end + 2), records: text.slice(end + 2) };
}

/** data.json's head (its first line: the object up to "sites":[), its sites' lines, and what the head says. */
function splitJson(text: string, path: string): { head: DataHead; body: string } {
  const end = text.indexOf('\n');
  if (end < 0 || !text.endsWith(JSON_TAIL)) throw new Error(`${path}: not the portal's data.json (a head line, one site a line, then ]})`);
  const head = JSON.parse(`${text.slice(0, end)}]}`) as DataHead;
  return { head, body: end === text.length - JSON_TAIL.length ? '' : text.slice(end, text.length - JSON_TAIL.length) };
}

interface DataHead {
  schemaVersion: number;
  quarters: string[];
  status: Record<string, string>;
  indicators: Record<string, string>;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The all-quarters text of one file, a piece at a time: the first quarter's header, then every quarter's records. */
function* allQuartersText(distDir: string, quarters: readonly string[], file: OpenDataFileName): Generator<string> {
  const where = (q: string) => join(distDir, 'data', q, QUARTER_DATA_NAMES[file]);
  if (file !== 'data.json') {
    for (const [i, q] of quarters.entries()) {
      const { header, records } = splitCsv(quarterText(distDir, q, file), where(q));
      yield i === 0 ? header + records : records;
    }
    return;
  }
  // data.json's head lists every quarter, their status and the indicators named: read the heads first.
  const heads = quarters.map((q) => {
    const { head } = splitJson(quarterText(distDir, q, file), where(q));
    if (head.schemaVersion !== DATA_SCHEMA_VERSION) throw new Error(`${where(q)}: schemaVersion ${head.schemaVersion}, this build writes ${DATA_SCHEMA_VERSION}`);
    return head;
  });
  const indicators = Object.fromEntries(heads.flatMap((h) => Object.entries(h.indicators)).sort(([a], [b]) => compare(a, b)));
  const status = Object.fromEntries(heads.flatMap((h) => Object.entries(h.status)));
  yield `{"schemaVersion":${JSON.stringify(DATA_SCHEMA_VERSION)},"quarters":${JSON.stringify(heads.flatMap((h) => h.quarters))},"status":${JSON.stringify(status)},"indicators":${JSON.stringify(indicators)},"sites":[`;
  let first = true;
  for (const q of quarters) {
    const { body } = splitJson(quarterText(distDir, q, file), where(q));
    if (!body) continue;
    yield first ? body : `,${body}`;
    first = false;
  }
  yield JSON_TAIL;
}

/** Stream pieces into a gzip file, atomically (a temporary name, then renamed); the pieces' size in bytes. */
async function writeGzip(path: string, pieces: Iterable<string>): Promise<number> {
  const tmp = `${path}.${process.pid}.tmp`;
  let raw = 0;
  const counted = function* () {
    for (const p of pieces) {
      const b = Buffer.from(p, 'utf8');
      raw += b.length;
      yield b;
    }
  };
  try {
    await pipeline(counted(), createGzip(GZIP_OPTIONS), createWriteStream(tmp));
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return raw;
}

/**
 * Write the all-quarters files of the quarters published under distDir/data/ into outDir, the three
 * at once (zlib compresses off the main thread). Byte for byte what the quarters' rows would give as
 * one scope (src/lib/open-data.ts), compressed.
 */
export async function writeAllQuarters(distDir: string, outDir: string): Promise<AllQuartersReport> {
  const quarters = publishedQuarters(distDir);
  mkdirSync(outDir, { recursive: true });
  const names = Object.keys(ALL_QUARTERS_DATA_NAMES) as OpenDataFileName[];
  // Settled, not raced: a failed file is reported once the other two are done, leaving no temporary file behind.
  const settled = await Promise.allSettled(
    names.map(async (file) => {
      const path = join(outDir, ALL_QUARTERS_DATA_NAMES[file]);
      const rawBytes = await writeGzip(path, allQuartersText(distDir, quarters, file));
      return { name: ALL_QUARTERS_DATA_NAMES[file], bytes: statSync(path).size, rawBytes };
    }),
  );
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return { quarters, out: outDir, files: settled.map((s) => (s as PromiseFulfilledResult<AllQuartersFile>).value) };
}
