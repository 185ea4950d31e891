// npm run build's step after astro: the open data as the portal publishes it. Astro writes each
// quarter's files as they are (dist/data/<quarter>/sites.csv, findings.csv, data.json); this step
// makes the all-quarters files from them (sites.csv.gz, findings.csv.gz, data.json.gz: its quarters'
// files one after the other under one header), then replaces each quarter's two large files by their
// gzip (QUARTER_DATA_NAMES). Compressing here rather than in astro's render keeps zlib off the
// render's thread (10 s of it at 15,000 sites × 8 quarters) and spreads it over the machine's cores;
// astro never holds the whole history's bytes (0.9 GB there). Where the all-quarters files go is the
// caller's: the portal's data/all/, or a folder the deploy workflow attaches to a release of the
// repository (GitHub Pages publishes 1 GB a site and 100 MB a file at most).
// Until this step has run, the pages link .gz files that are not there yet (so under astro dev too).
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { DATA_SCHEMA_VERSION, OPEN_DATA_FILES, type OpenDataFile } from '../lib/open-data.ts';
import { ALL_QUARTERS_DATA_NAMES, QUARTER_DATA_NAMES } from '../lib/urls.ts';

const QUARTER_DIR = /^\d{4}-Q[1-4]$/;

/**
 * gzip as the portal publishes its compressed files: level 9 (a quarter's 54 MB findings.csv in half
 * a second), the header without a time or a name, so the same rows give the same bytes on any
 * machine with the same zlib.
 */
const GZIP_OPTIONS = { level: 9 } as const;
const JSON_TAIL = '\n]}\n';

/** One compressed file written. */
export interface PackedFile {
  /** Relative to its folder: sites.csv.gz, or 2026-Q4/findings.csv.gz for a quarter's. */
  name: string;
  /** Its size, compressed. */
  bytes: number;
  /** Its size once decompressed. */
  rawBytes: number;
}

export interface PackReport {
  quarters: string[];
  /** Where the all-quarters files went. */
  out: string;
  /** The all-quarters files. */
  all: PackedFile[];
  /** The quarters' files compressed in place. */
  quarterFiles: PackedFile[];
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

/**
 * A quarter's file as text: as astro wrote it, or, when this step has already compressed it (a
 * second run over the same folder), its gzip decompressed. Missing, it names itself.
 */
function quarterText(distDir: string, quarter: string, file: OpenDataFile): string {
  const plain = join(distDir, 'data', quarter, file);
  if (existsSync(plain)) return readFileSync(plain, 'utf8');
  const packed = join(distDir, 'data', quarter, QUARTER_DATA_NAMES[file]);
  if (!existsSync(packed)) throw new Error(`${plain}: missing; every quarter under data/ has ${OPEN_DATA_FILES.join(', ')}`);
  try {
    return gunzipSync(readFileSync(packed)).toString('utf8');
  } catch (e) {
    throw new Error(`${packed}: not a gzip file (${(e as Error).message})`);
  }
}

/** A CSV's header (BOM and first record) and its records; the header names have no quotes nor line breaks. */
function splitCsv(text: string, path: string): { header: string; records: string } {
  const end = text.indexOf('\r\n');
  if (end < 0) throw new Error(`${path}: no header line`);
  return { header: text.slice(0, end + 2), records: text.slice(end + 2) };
}

interface DataHead {
  schemaVersion: number;
  quarters: string[];
  status: Record<string, string>;
  indicators: Record<string, string>;
}

const NOT_DATA_JSON = "not the portal's data.json (a head line, one site a line, then ]})";

/** data.json's head line (the object up to "sites":[), parsed and checked. */
function parseHead(line: string, path: string): DataHead {
  let head: DataHead;
  try {
    head = JSON.parse(`${line}]}`) as DataHead;
  } catch {
    throw new Error(`${path}: ${NOT_DATA_JSON}`);
  }
  if (head.schemaVersion !== DATA_SCHEMA_VERSION) throw new Error(`${path}: schemaVersion ${head.schemaVersion}, this build writes ${DATA_SCHEMA_VERSION}`);
  return head;
}

/** data.json's head and its sites' lines. */
function splitJson(text: string, path: string): { head: DataHead; body: string } {
  const end = text.indexOf('\n');
  if (end < 0 || !text.endsWith(JSON_TAIL)) throw new Error(`${path}: ${NOT_DATA_JSON}`);
  const head = parseHead(text.slice(0, end), path);
  return { head, body: end === text.length - JSON_TAIL.length ? '' : text.slice(end, text.length - JSON_TAIL.length) };
}

/**
 * A quarter's data.json head alone: the first line of the file astro wrote, read a few KB at a time
 * (reading each 58 MB file whole for it cost 1.9 s of the step at 15,000 sites × 8 quarters), or the
 * whole file when only its gzip is left (a second run).
 */
function quarterHead(distDir: string, quarter: string): DataHead {
  const plain = join(distDir, 'data', quarter, 'data.json');
  if (!existsSync(plain)) return splitJson(quarterText(distDir, quarter, 'data.json'), plain).head;
  const fd = openSync(plain, 'r');
  try {
    const chunks: Buffer[] = [];
    const chunk = Buffer.alloc(64 * 1024);
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      const end = chunk.subarray(0, n).indexOf(0x0a);
      chunks.push(Buffer.from(chunk.subarray(0, end < 0 ? n : end)));
      if (end >= 0) return parseHead(Buffer.concat(chunks).toString('utf8'), plain);
    }
    throw new Error(`${plain}: ${NOT_DATA_JSON}`);
  } finally {
    closeSync(fd);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The all-quarters text of one file, a piece at a time: the first quarter's header, then every quarter's records. */
function* allQuartersText(distDir: string, quarters: readonly string[], file: OpenDataFile): Generator<string> {
  const where = (q: string) => join(distDir, 'data', q, file);
  if (file !== 'data.json') {
    for (const [i, q] of quarters.entries()) {
      const { header, records } = splitCsv(quarterText(distDir, q, file), where(q));
      yield i === 0 ? header + records : records;
    }
    return;
  }
  // data.json's head lists every quarter, their status and the indicators named: read the heads first.
  const heads = quarters.map((q) => quarterHead(distDir, q));
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
async function writeGzip(path: string, source: Iterable<Buffer> | NodeJS.ReadableStream): Promise<number> {
  const tmp = `${path}.${process.pid}.tmp`;
  let raw = 0;
  const counted = async function* () {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      raw += chunk.length;
      yield chunk;
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

/** Run jobs at once (zlib compresses on libuv's threads) and throw the first failure once all have settled, so no temporary file is left behind. */
async function settle<T>(jobs: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(jobs);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/**
 * Write the all-quarters files of the quarters under distDir/data/ into outDir (byte for byte what
 * the quarters' rows give as one scope, src/lib/open-data.ts, compressed) and compress each
 * quarter's large files beside them, all at once; the plain files go once everything is written
 * (the all-quarters files read them), and stay when anything failed, for a second run.
 */
export async function packOpenData(distDir: string, outDir: string): Promise<PackReport> {
  const quarters = publishedQuarters(distDir);
  mkdirSync(outDir, { recursive: true });
  const allJobs = OPEN_DATA_FILES.map(async (file): Promise<PackedFile> => {
    const path = join(outDir, ALL_QUARTERS_DATA_NAMES[file]);
    const pieces = (function* () {
      for (const text of allQuartersText(distDir, quarters, file)) yield Buffer.from(text, 'utf8');
    })();
    const rawBytes = await writeGzip(path, pieces);
    return { name: ALL_QUARTERS_DATA_NAMES[file], bytes: statSync(path).size, rawBytes };
  });
  const large = OPEN_DATA_FILES.filter((f) => QUARTER_DATA_NAMES[f] !== f);
  const plains = quarters.flatMap((q) => large.map((f) => ({ q, f, plain: join(distDir, 'data', q, f), packed: join(distDir, 'data', q, QUARTER_DATA_NAMES[f]) }))).filter((x) => existsSync(x.plain));
  const quarterJobs = plains.map(async ({ q, f, plain, packed }): Promise<PackedFile> => {
    const rawBytes = await writeGzip(packed, createReadStream(plain));
    return { name: `${q}/${QUARTER_DATA_NAMES[f]}`, bytes: statSync(packed).size, rawBytes };
  });
  const done = await settle([...allJobs, ...quarterJobs]);
  for (const { plain } of plains) rmSync(plain);
  return { quarters, out: outDir, all: done.slice(0, allJobs.length), quarterFiles: done.slice(allJobs.length) };
}
