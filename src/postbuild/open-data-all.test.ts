import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding, SiteQuarter } from '../schemas/findings.ts';
import { row } from '../lib/fixtures.test-helpers.ts';
import { OPEN_DATA_FILES, openDataResponse, openDataScopes, openDataText } from '../lib/open-data.ts';
import { ALL_QUARTERS_DATA_NAMES, QUARTER_DATA_NAMES } from '../lib/urls.ts';
import { publishedQuarters, writeAllQuarters } from './open-data-all.ts';

const tmp = mkdtempSync(join(tmpdir(), 'open-data-all-'));
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

/** A built folder as the endpoints write it: each quarter's files under data/<quarter>/. */
async function builtDist(name: string, rows: readonly SiteQuarter[]): Promise<string> {
  const dist = join(tmp, name);
  for (const scope of openDataScopes(rows, isDraft).filter((s) => s.scope !== 'all')) {
    mkdirSync(join(dist, 'data', scope.scope), { recursive: true });
    for (const file of OPEN_DATA_FILES) writeFileSync(join(dist, 'data', scope.scope, QUARTER_DATA_NAMES[file]), new Uint8Array(await openDataResponse(file, scope).arrayBuffer()));
  }
  return dist;
}

describe('writeAllQuarters', () => {
  it('gives, compressed, byte for byte the files the rows give as one scope of every quarter', async () => {
    const dist = await builtDist('three', ROWS);
    expect(publishedQuarters(dist)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    const out = join(tmp, 'three-out');
    const report = await writeAllQuarters(dist, out);
    expect(report.quarters).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    const all = openDataScopes(ROWS, isDraft).find((s) => s.scope === 'all')!;
    for (const file of OPEN_DATA_FILES) {
      const written = readFileSync(join(out, ALL_QUARTERS_DATA_NAMES[file]));
      const text = gunzipSync(written).toString('utf8');
      expect(text).toBe(openDataText(file, all));
      expect(report.files.find((x) => x.name === ALL_QUARTERS_DATA_NAMES[file])).toEqual({ name: ALL_QUARTERS_DATA_NAMES[file], bytes: written.length, rawBytes: Buffer.byteLength(text) });
    }
    // What a reader gets: every quarter's sites, each quarter's status, the indicators of all of them.
    const data = JSON.parse(gunzipSync(readFileSync(join(out, 'data.json.gz'))).toString('utf8'));
    expect(data.sites.length).toBe(2347);
    expect(data.status).toEqual({ '2026-Q2': 'published', '2026-Q3': 'published', '2026-Q4': 'draft' });
    expect(Object.keys(data.indicators)).toEqual(['broken-link', 'severe-error', 'typo']);
  });

  it('writes the same bytes each time', async () => {
    const dist = await builtDist('twice', ROWS.slice(0, 40));
    const a = await writeAllQuarters(dist, join(tmp, 'twice-a'));
    await writeAllQuarters(dist, join(tmp, 'twice-b'));
    for (const x of a.files) expect(readFileSync(join(tmp, 'twice-b', x.name)).equals(readFileSync(join(tmp, 'twice-a', x.name)))).toBe(true);
  });

  it('a portal with one quarter, and one with none, still gets valid files', async () => {
    const one = await builtDist('one', ROWS.slice(-1));
    await writeAllQuarters(one, join(tmp, 'one-out'));
    expect(JSON.parse(gunzipSync(readFileSync(join(tmp, 'one-out', 'data.json.gz'))).toString('utf8')).sites.map((s: { site: string }) => s.site)).toEqual(['hexi']);
    const none = join(tmp, 'none');
    mkdirSync(none);
    const report = await writeAllQuarters(none, join(tmp, 'none-out'));
    expect(report.quarters).toEqual([]);
    expect(JSON.parse(gunzipSync(readFileSync(join(tmp, 'none-out', 'data.json.gz'))).toString('utf8'))).toEqual({ schemaVersion: 1, quarters: [], status: {}, indicators: {}, sites: [] });
    expect(gunzipSync(readFileSync(join(tmp, 'none-out', 'sites.csv.gz'))).toString('utf8')).toBe('');
  });

  it('names a quarter file that is missing or not the portal’s, and leaves no half-written file', async () => {
    const dist = await builtDist('broken', ROWS.slice(0, 1));
    rmSync(join(dist, 'data', '2026-Q2', 'findings.csv.gz'));
    await expect(writeAllQuarters(dist, join(tmp, 'broken-out'))).rejects.toThrow(/2026-Q2\/findings\.csv\.gz: missing/);
    writeFileSync(join(dist, 'data', '2026-Q2', 'findings.csv.gz'), new Uint8Array(await openDataResponse('findings.csv', openDataScopes(ROWS.slice(0, 1), isDraft)[0]!).arrayBuffer()));
    writeFileSync(join(dist, 'data', '2026-Q2', 'data.json.gz'), gunzipSync(readFileSync(join(dist, 'data', '2026-Q2', 'findings.csv.gz'))));
    await expect(writeAllQuarters(dist, join(tmp, 'broken-out'))).rejects.toThrow(/2026-Q2\/data\.json\.gz/);
    expect(readdirSync(join(tmp, 'broken-out')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
