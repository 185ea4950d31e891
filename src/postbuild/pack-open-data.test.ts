import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding, SiteQuarter } from '../schemas/findings.ts';
import { row } from '../lib/fixtures.test-helpers.ts';
import { OPEN_DATA_FILES, openDataResponse, openDataScopes, openDataText } from '../lib/open-data.ts';
import { ALL_QUARTERS_DATA_NAMES, QUARTER_DATA_NAMES } from '../lib/urls.ts';
import { packOpenData, publishedQuarters } from './pack-open-data.ts';

const tmp = mkdtempSync(join(tmpdir(), 'pack-open-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const f = (over: Partial<Finding> & Pick<Finding, 'target'>): Finding => ({ indicator: 'broken-link', page: 'http://www.linhe.gov.cn/', points: 0.2, detail: 'HTTP 404', clause: '扣分，含逗号', ...over });
/** Values a crawled site can write: quotes, commas, line breaks, formula starts. */
const NASTY = [f({ target: 'say "hi", then leave' }), f({ target: '第一行\r\n第二行', detail: '=1+1' }), f({ indicator: 'typo', target: '\t=tab', points: 0.1, clause: '扣分：错别字' })];
// Three quarters, one with more sites than a chunk of rows (2,000), each naming other indicators.
const ROWS: SiteQuarter[] = [
  row({ site: 'linhe', name: '临河市人民政府', quarter: '2026-Q2', asOf: '2026-05-20', score: 97.5, findings: NASTY }),
  ...Array.from({ length: 2345 }, (_, i) => row({ site: `s${String(i).padStart(5, '0')}`, name: `站${i}`, quarter: '2026-Q3', asOf: '2026-08-20', score: i % 100, findings: i % 7 ? [] : [f({ target: `http://s${i}.gov.cn/x` })] })),
  row({ site: 'hexi', name: '河西县人民政府', score: 55, verdict: 'fail', vetoes: ['site-unreachable'], findings: [f({ indicator: 'severe-error', target: 'http://hexi.gov.cn/', points: 0 })] }),
];
const isDraft = (q: string) => q === '2026-Q4';
const gunzipText = (path: string) => gunzipSync(readFileSync(path)).toString('utf8');

/** A built folder as astro writes it: each quarter's files, as they are, under data/<quarter>/. */
async function builtDist(name: string, rows: readonly SiteQuarter[]): Promise<string> {
  const dist = join(tmp, name);
  for (const scope of openDataScopes(rows, isDraft).filter((s) => s.scope !== 'all')) {
    mkdirSync(join(dist, 'data', scope.scope), { recursive: true });
    for (const file of OPEN_DATA_FILES) writeFileSync(join(dist, 'data', scope.scope, file), new Uint8Array(await openDataResponse(file, scope).arrayBuffer()));
  }
  return dist;
}

describe('packOpenData', () => {
  it('makes the all-quarters files, compressed, byte for byte what the rows give as one scope of every quarter', async () => {
    const dist = await builtDist('three', ROWS);
    expect(publishedQuarters(dist)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    const out = join(tmp, 'three-out');
    const report = await packOpenData(dist, out);
    expect(report.quarters).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    const all = openDataScopes(ROWS, isDraft).find((s) => s.scope === 'all')!;
    for (const file of OPEN_DATA_FILES) {
      const path = join(out, ALL_QUARTERS_DATA_NAMES[file]);
      expect(gunzipText(path)).toBe(openDataText(file, all));
      expect(report.all.find((x) => x.name === ALL_QUARTERS_DATA_NAMES[file])).toEqual({ name: ALL_QUARTERS_DATA_NAMES[file], bytes: readFileSync(path).length, rawBytes: Buffer.byteLength(openDataText(file, all)) });
    }
    // What a reader gets: every quarter's sites, each quarter's status, the indicators of all of them.
    const data = JSON.parse(gunzipText(join(out, 'data.json.gz')));
    expect(data.sites.length).toBe(2347);
    expect(data.status).toEqual({ '2026-Q2': 'published', '2026-Q3': 'published', '2026-Q4': 'draft' });
    expect(Object.keys(data.indicators)).toEqual(['broken-link', 'severe-error', 'typo']);
  });

  it('replaces each quarter’s findings.csv and data.json by their gzip, with no time in its header, and leaves sites.csv as it is', async () => {
    const dist = await builtDist('quarters', ROWS);
    const report = await packOpenData(dist, join(tmp, 'quarters-out'));
    expect(report.quarterFiles.map((x) => x.name).sort()).toEqual(['2026-Q2', '2026-Q3', '2026-Q4'].flatMap((q) => [`${q}/data.json.gz`, `${q}/findings.csv.gz`]));
    for (const scope of openDataScopes(ROWS, isDraft).filter((s) => s.scope !== 'all')) {
      expect(readdirSync(join(dist, 'data', scope.scope)).sort()).toEqual(['data.json.gz', 'findings.csv.gz', 'sites.csv']);
      for (const file of OPEN_DATA_FILES) {
        const path = join(dist, 'data', scope.scope, QUARTER_DATA_NAMES[file]);
        expect(file === 'sites.csv' ? readFileSync(path, 'utf8') : gunzipText(path)).toBe(openDataText(file, scope));
        if (file !== 'sites.csv') expect(readFileSync(path).readUInt32LE(4)).toBe(0);
      }
    }
  });

  it('writes the same bytes each time, and again over a folder it has packed', async () => {
    const a = await builtDist('twice-a', ROWS.slice(0, 40));
    const b = await builtDist('twice-b', ROWS.slice(0, 40));
    await packOpenData(a, join(tmp, 'twice-a-out'));
    await packOpenData(b, join(tmp, 'twice-b-out'));
    const again = await packOpenData(b, join(tmp, 'twice-again-out'));
    expect(again.quarterFiles).toEqual([]);
    for (const x of ['sites.csv.gz', 'findings.csv.gz', 'data.json.gz']) {
      expect(readFileSync(join(tmp, 'twice-b-out', x)).equals(readFileSync(join(tmp, 'twice-a-out', x)))).toBe(true);
      expect(readFileSync(join(tmp, 'twice-again-out', x)).equals(readFileSync(join(tmp, 'twice-a-out', x)))).toBe(true);
    }
    for (const q of publishedQuarters(a)) for (const x of ['findings.csv.gz', 'data.json.gz']) expect(readFileSync(join(b, 'data', q, x)).equals(readFileSync(join(a, 'data', q, x)))).toBe(true);
  });

  it('reads a data.json head longer than one read of the file', async () => {
    const dist = await builtDist('wide', ROWS.slice(-1));
    const path = join(dist, 'data', '2026-Q4', 'data.json');
    const text = readFileSync(path, 'utf8');
    const end = text.indexOf('\n');
    const head = JSON.parse(`${text.slice(0, end)}]}`);
    // 5,000 indicators named: a head of some 150 kB, over the 64 kB read at a time.
    for (let i = 0; i < 5000; i++) head.indicators[`zz-${String(i).padStart(4, '0')}`] = '一个很长的指标名称'.repeat(2);
    const line = JSON.stringify(head).replace(/\]\}$/, '');
    expect(Buffer.byteLength(line)).toBeGreaterThan(128 * 1024);
    writeFileSync(path, line + text.slice(end));
    await packOpenData(dist, join(tmp, 'wide-out'));
    const data = JSON.parse(gunzipText(join(tmp, 'wide-out', 'data.json.gz')));
    expect(Object.keys(data.indicators)).toHaveLength(5001);
    expect(data.indicators['zz-4999']).toBe(head.indicators['zz-4999']);
    expect(data.sites.map((s: { site: string }) => s.site)).toEqual(['hexi']);
  });

  it('a portal with one quarter, and one with none, still gets valid files', async () => {
    const one = await builtDist('one', ROWS.slice(-1));
    await packOpenData(one, join(tmp, 'one-out'));
    expect(JSON.parse(gunzipText(join(tmp, 'one-out', 'data.json.gz'))).sites.map((s: { site: string }) => s.site)).toEqual(['hexi']);
    const none = join(tmp, 'none');
    mkdirSync(none);
    const report = await packOpenData(none, join(tmp, 'none-out'));
    expect(report.quarters).toEqual([]);
    expect(JSON.parse(gunzipText(join(tmp, 'none-out', 'data.json.gz')))).toEqual({ schemaVersion: 1, quarters: [], status: {}, indicators: {}, sites: [] });
    expect(gunzipText(join(tmp, 'none-out', 'sites.csv.gz'))).toBe('');
  });

  it('names a quarter file that is missing or not the portal’s, and leaves no half-written file', async () => {
    const dist = await builtDist('broken', ROWS.slice(0, 1));
    rmSync(join(dist, 'data', '2026-Q2', 'findings.csv'));
    await expect(packOpenData(dist, join(tmp, 'broken-out'))).rejects.toThrow(/2026-Q2\/findings\.csv: missing/);
    writeFileSync(join(dist, 'data', '2026-Q2', 'findings.csv'), openDataText('findings.csv', openDataScopes(ROWS.slice(0, 1), isDraft)[0]!));
    writeFileSync(join(dist, 'data', '2026-Q2', 'data.json'), 'not json');
    await expect(packOpenData(dist, join(tmp, 'broken-out'))).rejects.toThrow(/2026-Q2\/data\.json: not the portal/);
    rmSync(join(dist, 'data', '2026-Q2', 'data.json'));
    writeFileSync(join(dist, 'data', '2026-Q2', 'data.json.gz'), 'not gzip');
    await expect(packOpenData(dist, join(tmp, 'broken-out'))).rejects.toThrow(/2026-Q2\/data\.json\.gz: not a gzip file/);
    expect(readdirSync(join(tmp, 'broken-out')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(dist, 'data', '2026-Q2', 'findings.csv'))).toBe(true);
  });
});
