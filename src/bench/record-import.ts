// npm run bench:import: npm run record:import measured at scale, as an office runs it. The demo's
// content is copied to a working folder, a spreadsheet of N records over the sites of its draft
// quarter is written, and the npm script's own command line (with its node flags) is run on it as a
// child process whose resident memory is sampled. The import must stay under 500 MB at 100,000 rows.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../errors.ts';
import { quarterParts } from '../store/quarter-paths.ts';
import { readQuarterFile } from '../store/quarter-file.ts';
import { formatBytes, samplePeakRss } from './proc-memory.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A records spreadsheet of `rows` typo records spread over `sites` in turn, each with its own target. */
export function benchRecordsCsv(sites: readonly string[], rows: number, date: string): string {
  if (!sites.length) throw new InputError('no crawled sites to record against');
  const body = Array.from({ length: rows }, (_, i) => [sites[i % sites.length]!, 'typo', `错字 ${i + 1}`, '0.1', '张三', date, `第 ${i + 1} 处：“做好”误为“作好”。`]);
  return stringify([['site', 'indicator', 'target', 'points', 'inspector', 'date', 'evidence'], ...body]);
}

/** The newest quarter of a content folder that has findings and is not published. */
export function draftQuarter(contentDir: string): string {
  const dir = join(contentDir, 'findings');
  const quarters = existsSync(dir) ? readdirSync(dir).filter((q) => /^\d{4}-Q[1-4]$/.test(q)).sort().reverse() : [];
  const q = quarters.find((x) => readQuarterFile(contentDir, x)?.status !== 'published');
  if (!q) throw new InputError(`${contentDir}: no draft quarter with findings to import records into`);
  return q;
}

/** The command npm run record:import runs, from package.json: its node flags and script. */
export function recordImportCommand(packageJson = join(ROOT, 'package.json')): string[] {
  const script = (JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts: Record<string, string> }).scripts['record:import'];
  const words = script?.split(/\s+/) ?? [];
  if (words[0] !== 'node') throw new Error(`${packageJson}: scripts.record:import does not start with node: ${script}`);
  return words.slice(1);
}

/** What one measured import did. */
export interface ImportMeasure {
  rows: number;
  quarter: string;
  seconds: number;
  /** Highest resident set of the import's process. */
  peak: number;
  exitCode: number | null;
  /** The command's last lines of output (its summary, or its error). */
  tail: string;
}

/** Import `rows` generated records into a copy of `contentDir` (kept in a working folder only when `keep`). */
export async function measureImport(o: { rows: number; contentDir?: string; keep?: boolean }): Promise<ImportMeasure & { work: string }> {
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const work = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'bench-import-'));
  try {
    const content = join(work, 'content');
    cpSync(o.contentDir ?? join(ROOT, 'content'), content, { recursive: true });
    const quarter = draftQuarter(content);
    const sites = readdirSync(join(content, quarterParts(quarter).findings))
      .filter((n) => n.endsWith('.md') && !n.startsWith('.'))
      .map((n) => n.slice(0, -3))
      .sort();
    const csv = join(work, 'records.csv');
    writeFileSync(csv, benchRecordsCsv(sites, o.rows, `${quarter.slice(0, 4)}-${String(Number(quarter.slice(-1)) * 3).padStart(2, '0')}-01`));
    const started = performance.now();
    const child = spawn(process.execPath, [...recordImportCommand(), csv, '--quarter', quarter, '--content', content], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = samplePeakRss(child.pid!, 100);
    let out = '';
    const keepTail = (d: Buffer) => (out = (out + d.toString()).slice(-4000));
    child.stdout.on('data', keepTail);
    child.stderr.on('data', keepTail);
    const exitCode = await new Promise<number | null>((done) => child.on('close', done));
    const peak = sampler.stop().largest;
    const tail = out.trimEnd().split('\n').slice(-3).join('\n');
    return { rows: o.rows, quarter, seconds: (performance.now() - started) / 1000, peak, exitCode, tail, work };
  } finally {
    if (!o.keep) rmSync(work, { recursive: true, force: true });
  }
}

/** What npm run bench:import prints. */
export function importMeasureText(m: ImportMeasure): string {
  return `record:import of ${m.rows.toLocaleString('en')} rows into ${m.quarter}: ${m.seconds.toFixed(1)} s, peak ${formatBytes(m.peak)} (exit ${m.exitCode})\n${m.tail}`;
}
