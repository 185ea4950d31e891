import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { siteQuarterSchema, type Finding, type SiteQuarter } from '../schemas/findings.ts';
import { row } from './fixtures.test-helpers.ts';
import {
  DATA_JSON_FIELDS,
  FINDINGS_CSV_COLUMNS,
  FINDINGS_CSV_FIELDS,
  OPEN_DATA_FILES,
  SITES_CSV_COLUMNS,
  SITES_CSV_FIELDS,
  jsonSite,
  openDataParts,
  openDataResponse,
  openDataScopes,
  openDataText,
  type OpenDataScope,
} from './open-data.ts';

const BOM = '\uFEFF';
const CLAUSE = '扣分：可用性—链接可用性（首页每个 0.2 分，其他页面每个 0.1 分，最多扣 1 分）';

function f(over: Partial<Finding> & Pick<Finding, 'target'>): Finding {
  return { indicator: 'broken-link', page: 'http://www.linhe.gov.cn/', points: 0.2, detail: 'HTTP 404', clause: CLAUSE, ...over };
}

/** Targets as crawled sites can write them: every one must come back unchanged. */
const NASTY: Finding[] = [
  f({ target: 'http://www.linhe.gov.cn/a?x=1,2&y=3' }),
  f({ target: 'say "hi", then leave', points: 0.1 }),
  f({ target: '=HYPERLINK("http://evil.example/","点击")', detail: '' }),
  f({ target: '+86 10 1234', points: 0 }),
  f({ target: '-2+3', points: 0.25 }),
  f({ target: '@SUM(A1:A9)', detail: '=1+1' }),
  f({ target: '\t=tab first' }),
  f({ target: '第一行\n第二行', detail: 'cr\ronly' }),
  f({ target: 'crlf\r\ninside', page: 'http://www.linhe.gov.cn/?q=";DROP', clause: '条款，含逗号' }),
  f({ indicator: 'typo', target: '国家安监总局', points: 0.1, detail: '应为 应急管理部', clause: '扣分：错别字' }),
  f({ indicator: 'unknown-indicator', target: '  leading and trailing spaces  ', points: 3 }),
];

const linheQ4 = row({ site: 'linhe', name: '临河市人民政府', score: 97.5, findings: NASTY, region: '临河区' });
const DISMISSED = f({ target: 'http://hexi.gov.cn/ok', review: { decision: 'dismissed', reason: '复测可以打开', inspector: '李四', date: '2026-11-25' } });
const hexiQ4 = row({ site: 'hexi', name: '河西县人民政府', score: 55, verdict: 'fail', vetoes: ['site-unreachable', 'severe-error'], findings: [f({ target: 'http://hexi.gov.cn/x' })], dismissed: [DISMISSED] });
const linheQ3 = row({ site: 'linhe', name: '临河市人民政府', score: 101.5, bonus: 2, quarter: '2026-Q3', asOf: '2026-08-20' });
const eduQ3 = row({ site: 'linhe-edu', name: '临河市教育局', score: 99.1, noServices: true, quarter: '2026-Q3', asOf: '2026-08-18', errors: [{ indicator: 'typo', message: 'boom' }], notApplicable: [{ indicator: 'message-overdue', reason: '2027 年节假日安排未录入，无法计算工作日' }] });
const ROWS = [linheQ4, eduQ3, hexiQ4, linheQ3];

/** 2026-Q4 is a draft in these tests, 2026-Q3 published. */
const isDraft = (quarter: string) => quarter === '2026-Q4';

function scope(rows: readonly SiteQuarter[], name = 'all'): OpenDataScope {
  const s = openDataScopes(rows, isDraft).find((x) => x.scope === name);
  if (!s) throw new Error(`no scope ${name}`);
  return s;
}

/** A data.json site without the findings' ids, as its findings file has it. */
function withoutIds(s: { findings: { id: string }[]; dismissed?: { id: string }[] }) {
  const strip = (list: { id: string }[]) => list.map(({ id: _, ...x }) => x);
  return { ...s, findings: strip(s.findings), ...(s.dismissed ? { dismissed: strip(s.dismissed) } : {}) };
}

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true }) as Record<string, string>[];
}

describe('openDataScopes', () => {
  it('one scope per quarter, oldest first, then all; rows by site id', () => {
    const scopes = openDataScopes(ROWS, isDraft);
    expect(scopes.map((s) => [s.scope, s.groups.map((g) => [g.quarter, g.rows.map((r) => r.site), g.findings]), s.sites, s.findings])).toEqual([
      ['2026-Q3', [['2026-Q3', ['linhe', 'linhe-edu'], 0]], 2, 0],
      ['2026-Q4', [['2026-Q4', ['hexi', 'linhe'], 12]], 2, 1 + 11],
      ['all', [['2026-Q3', ['linhe', 'linhe-edu'], 0], ['2026-Q4', ['hexi', 'linhe'], 12]], 4, 12],
    ]);
    // 'all' shares the quarters' groups, and the groups the row objects.
    expect(scopes[2]!.groups[1]).toBe(scopes[1]!.groups[0]);
    expect(scopes[1]!.groups[0]!.rows[1]).toBe(linheQ4);
  });

  it('no rows: only all, with nothing in it', () => {
    expect(openDataScopes([], isDraft)).toEqual([{ scope: 'all', groups: [], sites: 0, findings: 0 }]);
  });
});

describe('sites.csv', () => {
  it('BOM, header, CRLF, one row per site and quarter in order, written out by hand', () => {
    expect(openDataText('sites.csv', scope(ROWS))).toBe(
      BOM +
        'quarter,site,name,url,unit,region,asOf,verdict,score,bonus,noServices,column,vetoes,findingCount,dismissedCount,status\r\n' +
        '2026-Q3,linhe,临河市人民政府,http://linhe.gov.cn/,office,,2026-08-20,pass,101.5,2,false,false,,0,0,published\r\n' +
        '2026-Q3,linhe-edu,临河市教育局,http://linhe-edu.gov.cn/,office,,2026-08-18,pass,99.1,,true,false,,0,0,published\r\n' +
        '2026-Q4,hexi,河西县人民政府,http://hexi.gov.cn/,office,,2026-11-20,fail,55,,false,false,site-unreachable;severe-error,1,1,draft\r\n' +
        '2026-Q4,linhe,临河市人民政府,http://linhe.gov.cn/,office,临河区,2026-11-20,pass,97.5,,false,false,,11,0,draft\r\n',
    );
  });

  it('a 专栏 entity is marked true in column, and its JSON entry carries column: true after region', () => {
    const { noServices: _department, ...edu } = ROWS.find((r) => r.site === 'linhe-edu')!;
    const col: SiteQuarter = { ...edu, site: 'linhe-sfj-xxgk', name: '临河市司法局信息公开专栏', url: 'http://linhe.gov.cn/xxgk/sfj/', column: true };
    const csv = openDataText('sites.csv', scope([col]));
    expect(csv.split('\r\n')[1]).toBe('2026-Q3,linhe-sfj-xxgk,临河市司法局信息公开专栏,http://linhe.gov.cn/xxgk/sfj/,office,,2026-08-18,pass,99.1,,false,true,,0,0,published');
    expect(Object.keys(jsonSite(col, 'published')).slice(0, 6)).toEqual(['site', 'name', 'url', 'unit', 'column', 'quarter']);
  });

  it('parses back to the rows', () => {
    const back = parseCsv(openDataText('sites.csv', scope(ROWS))).map((r) => ({
      quarter: r.quarter,
      site: r.site,
      name: r.name,
      url: r.url,
      unit: r.unit,
      region: r.region || undefined,
      asOf: r.asOf,
      verdict: r.verdict,
      score: Number(r.score),
      bonus: r.bonus === '' ? undefined : Number(r.bonus),
      noServices: r.noServices === 'true' ? true : undefined,
      vetoes: r.vetoes ? r.vetoes!.split(';') : [],
      findingCount: Number(r.findingCount),
      dismissedCount: Number(r.dismissedCount),
    }));
    const expected = [linheQ3, eduQ3, hexiQ4, linheQ4].map((r) => ({
      quarter: r.quarter,
      site: r.site,
      name: r.name,
      url: r.url,
      unit: r.unit,
      region: r.region,
      asOf: r.asOf,
      verdict: r.verdict,
      score: r.score,
      bonus: r.bonus,
      noServices: r.noServices,
      vetoes: r.vetoes,
      findingCount: r.findings.length,
      dismissedCount: r.dismissed?.length ?? 0,
    }));
    expect(back).toEqual(expected);
  });

  it('an empty portal still has the header', () => {
    expect(openDataText('sites.csv', scope([]))).toBe(`${BOM}${SITES_CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('findings.csv', () => {
  it("quotes only what needs it, doubles quotes, keeps line breaks, and puts ' before a leading = + - @ or tab (never before a number)", () => {
    const text = openDataText('findings.csv', scope([row({ site: 'linhe', name: '临河市人民政府', score: 90, findings: NASTY.slice(1, 8) })]));
    const p = 'http://www.linhe.gov.cn/';
    const rest = `,${p},`;
    // findingId by its documented recipe: broken-link, then SHA-256 of target, newline, page.
    const id = (target: string) => `broken-link-${createHash('sha256').update(`${target}\n${p}`).digest('hex').slice(0, 8)}`;
    expect(text).toBe(
      BOM +
        'quarter,site,name,indicator,indicatorTitle,target,page,points,detail,clause,wherePart,whereSelector,whereText,wherePage,status,otherPages,findingId\r\n' +
        `2026-Q4,linhe,临河市人民政府,broken-link,链接不可用,"say ""hi"", then leave"${rest}0.1,HTTP 404,${CLAUSE},,,,,draft,0,${id(`say "hi", then leave`)}\r\n` +
        `2026-Q4,linhe,临河市人民政府,broken-link,链接不可用,"'=HYPERLINK(""http://evil.example/"",""点击"")"${rest}0.2,,${CLAUSE},,,,,draft,0,${id(`=HYPERLINK("http://evil.example/","点击")`)}\r\n` +
        `2026-Q4,linhe,临河市人民政府,broken-link,链接不可用,'+86 10 1234${rest}0,HTTP 404,${CLAUSE},,,,,draft,0,${id(`+86 10 1234`)}\r\n` +
        `2026-Q4,linhe,临河市人民政府,broken-link,链接不可用,'-2+3${rest}0.25,HTTP 404,${CLAUSE},,,,,draft,0,${id(`-2+3`)}\r\n` +
        `2026-Q4,linhe,临河市人民政府,broken-link,链接不可用,'@SUM(A1:A9)${rest}0.2,'=1+1,${CLAUSE},,,,,draft,0,${id(`@SUM(A1:A9)`)}\r\n` +
        `2026-Q4,linhe,临河市人民政府,broken-link,链接不可用,'\t=tab first${rest}0.2,HTTP 404,${CLAUSE},,,,,draft,0,${id(`\t=tab first`)}\r\n` +
        `2026-Q4,linhe,临河市人民政府,broken-link,链接不可用,"第一行\n第二行"${rest}0.2,"cr\ronly",${CLAUSE},,,,,draft,0,${id(`第一行\n第二行`)}\r\n`,
    );
  });

  it("parses back (csv-parse, bom, columns) to exactly the findings, in file order, once the ' before a formula character is taken off", () => {
    const raw = (v: string | undefined) => (v ?? '').replace(/^'(?=[=+\-@\t\r])/, '');
    const back = parseCsv(openDataText('findings.csv', scope(ROWS))).map((r) => ({
      key: `${r.quarter}/${r.site}/${r.name}`,
      title: r.indicatorTitle,
      finding: { indicator: r.indicator, target: raw(r.target), page: raw(r.page), points: Number(r.points), detail: raw(r.detail), clause: r.clause },
    }));
    expect(back.map((b) => b.finding)).toEqual([hexiQ4.findings[0], ...NASTY]);
    expect(back.map((b) => b.key)).toEqual(['2026-Q4/hexi/河西县人民政府', ...NASTY.map(() => '2026-Q4/linhe/临河市人民政府')]);
    // Titles from the rules; an id the portal does not know shows as itself.
    expect(back.map((b) => b.title)).toEqual(['链接不可用', ...Array(9).fill('链接不可用'), '错别字', 'unknown-indicator']);
  });

  it("a finding's place on the page in four columns, empty for one about something missing", () => {
    const where = { part: 'footer', selector: '#footer > ul > li:nth-of-type(3) > a', text: '县政府信息公开' } as const;
    const heading = { part: 'body', selector: 'div.lm-hd > h3', text: '通知公告', page: 'http://www.linhe.gov.cn/' } as const;
    const r = row({ site: 'linhe', name: '临河市人民政府', score: 90, findings: [f({ target: 'http://www.linhe.gov.cn/xxgk/', where }), f({ indicator: 'column-stale', target: '通知公告', page: 'http://www.linhe.gov.cn/tzgg/', where: heading }), f({ indicator: 'identity-mark-missing', target: 'icp' })] });
    const back = parseCsv(openDataText('findings.csv', scope([r]))).map((x) => [x.wherePart, x.whereSelector, x.whereText, x.wherePage]);
    expect(back).toEqual([
      ['footer', '#footer > ul > li:nth-of-type(3) > a', '县政府信息公开', ''],
      ['body', 'div.lm-hd > h3', '通知公告', 'http://www.linhe.gov.cn/'],
      ['', '', '', ''],
    ]);
    const json = JSON.parse(openDataText('data.json', scope([r]))).sites[0].findings;
    expect(Object.keys(json[0])).toEqual(['id', 'indicator', 'target', 'page', 'where', 'points', 'detail', 'clause']);
    expect(json.map((x: Finding) => x.where)).toEqual([where, heading, undefined]);
    expect(Object.keys(json[1].where)).toEqual(['part', 'selector', 'text', 'page']);
  });

  it('a finding seen on other pages: their number in otherPages, their list in data.json after where', () => {
    const where = { part: 'nav', selector: '#nav > li:nth-of-type(2) > a', text: '机构职能' } as const;
    const alsoOn = { pages: ['http://www.linhe.gov.cn/a.html', 'http://www.linhe.gov.cn/b.html'], more: 7 };
    const r = row({ site: 'linhe', name: '临河市人民政府', score: 90, findings: [f({ target: 'http://www.linhe.gov.cn/jgzn/', where, alsoOn }), f({ target: 'http://www.linhe.gov.cn/once/' })] });
    expect(parseCsv(openDataText('findings.csv', scope([r]))).map((x) => x.otherPages)).toEqual(['9', '0']);
    const json = JSON.parse(openDataText('data.json', scope([r]))).sites[0].findings;
    expect(Object.keys(json[0])).toEqual(['id', 'indicator', 'target', 'page', 'where', 'alsoOn', 'points', 'detail', 'clause']);
    expect(json[0].alsoOn).toEqual(alsoOn);
    expect(json[1].alsoOn).toBeUndefined();
  });

  it("every row carries its quarter's notice status, in the quarter's file and in all", () => {
    const statuses = (name: string) => parseCsv(openDataText('findings.csv', scope(ROWS, name))).map((r) => `${r.quarter} ${r.status}`);
    expect(new Set(statuses('all'))).toEqual(new Set(['2026-Q4 draft']));
    expect(statuses('2026-Q4')).toHaveLength(12);
    const published = parseCsv(openDataText('findings.csv', scope([row({ site: 'a', name: 'A', score: 99, quarter: '2026-Q3', findings: [f({ target: 'http://a/x' })] })], '2026-Q3')));
    expect(published.map((r) => r.status)).toEqual(['published']);
  });

  it('a quarter without findings has the header only', () => {
    expect(openDataText('findings.csv', scope(ROWS, '2026-Q3'))).toBe(`${BOM}${FINDINGS_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('many findings over several chunks: one BOM, one header, every row once', () => {
    const many = (site: string, n: number) =>
      row({ site, name: site, score: 50, findings: Array.from({ length: n }, (_, i) => f({ target: `http://${site}/${i}`, detail: i % 2 ? '多行\n说明' : 'x,y' })) });
    const rows = [many('b', 2500), many('a', 1999), many('c', 3)];
    const text = openDataText('findings.csv', scope(rows));
    expect(text.indexOf(BOM)).toBe(0);
    expect(text.lastIndexOf(BOM)).toBe(0);
    expect(text.split('quarter,site').length).toBe(2);
    const back = parseCsv(text);
    expect(back.length).toBe(2500 + 1999 + 3);
    expect(back.map((r) => r.target)).toEqual([...rows[1]!.findings, ...rows[0]!.findings, ...rows[2]!.findings].map((x) => x.target));
    expect(openDataParts('findings.csv', scope(rows)).length).toBe(1 + 3);
  });
});

describe('data.json', () => {
  it('holds the version, the quarters, the titles used and every site, each valid for the findings schema', () => {
    const data = JSON.parse(openDataText('data.json', scope(ROWS)));
    expect(Object.keys(data)).toEqual(['schemaVersion', 'quarters', 'status', 'indicators', 'sites']);
    expect(data.schemaVersion).toBe(1);
    expect(data.quarters).toEqual(['2026-Q3', '2026-Q4']);
    expect(data.status).toEqual({ '2026-Q3': 'published', '2026-Q4': 'draft' });
    expect(data.sites.map((s: { status: string }) => s.status)).toEqual(['published', 'published', 'draft', 'draft']);
    expect(data.indicators).toEqual({ 'broken-link': '链接不可用', typo: '错别字', 'unknown-indicator': 'unknown-indicator' });
    expect(Object.keys(data.indicators)).toEqual(['broken-link', 'typo', 'unknown-indicator']);
    // Apart from the notice's status, each site is a findings file's frontmatter.
    expect(data.sites.map(({ status: _, ...s }: { status: string; findings: { id: string }[] }) => siteQuarterSchema.parse(withoutIds(s)))).toEqual([linheQ3, eduQ3, hexiQ4, linheQ4]);
  });

  it('gives each finding the id findings.csv gives it, by the documented recipe, the same when review dismisses it', () => {
    const data = JSON.parse(openDataText('data.json', scope(ROWS)));
    const csv = parseCsv(openDataText('findings.csv', scope(ROWS)));
    const jsonIds = data.sites.flatMap((s: { findings: { id: string }[] }) => s.findings.map((x) => x.id));
    expect(csv.map((r) => r.findingId)).toEqual(jsonIds.filter((_: string, i: number) => i < csv.length));
    const hexi = data.sites.find((s: { site: string }) => s.site === 'hexi');
    const sha = (target: string, page: string) => createHash('sha256').update(`${target}\n${page}`).digest('hex').slice(0, 8);
    expect(hexi.findings[0].id).toBe(`broken-link-${sha('http://hexi.gov.cn/x', 'http://www.linhe.gov.cn/')}`);
    expect(hexi.dismissed[0].id).toBe(`broken-link-${sha('http://hexi.gov.cn/ok', 'http://www.linhe.gov.cn/')}`);
    // Ids are unique within a check.
    for (const s of data.sites) expect(new Set(s.findings.map((x: { id: string }) => x.id)).size).toBe(s.findings.length);
  });

  it('keys in the schema order whatever order the file had; optional keys left out, not null', () => {
    const reversed = Object.fromEntries(Object.entries(eduQ3).reverse()) as SiteQuarter;
    const text = openDataText('data.json', scope([reversed], '2026-Q3'));
    expect(text).toBe(
      '{"schemaVersion":1,"quarters":["2026-Q3"],"status":{"2026-Q3":"published"},"indicators":{},"sites":[\n' +
        '{"site":"linhe-edu","name":"临河市教育局","url":"http://linhe-edu.gov.cn/","unit":"office","quarter":"2026-Q3","status":"published","asOf":"2026-08-18",' +
        '"verdict":"pass","score":99.1,"noServices":true,"vetoes":[],"stats":{"pages":1,"links":1,"inconclusive":0},"findings":[],' +
        '"errors":[{"indicator":"typo","message":"boom"}],"notApplicable":[{"indicator":"message-overdue","reason":"2027 年节假日安排未录入，无法计算工作日"}]}\n' +
        ']}\n',
    );
  });

  it('keeps the record, review and reply of a manual finding, and the dismissed findings apart from the counted ones', () => {
    const manual: Finding = {
      ...f({ indicator: 'message-overdue', target: '咨询“社保卡补办”', points: 4, detail: '5 个工作日未答复' }),
      reply: { date: '2026-12-02', text: '已答复' },
      review: { date: '2026-11-20', inspector: '李四', decision: 'confirmed' },
      screenshot: 'evidence/2026-Q4/hexi-msg.png',
      date: '2026-11-03',
      inspector: '张三',
      record: 'manual/2026-Q4/hexi-msg.md',
      source: 'manual',
    };
    const r = row({ site: 'hexi', name: '河西县人民政府', score: 96, findings: [manual], dismissed: [DISMISSED] });
    const site = JSON.parse(openDataText('data.json', scope([r], '2026-Q4'))).sites[0];
    expect(Object.keys(site.findings[0])).toEqual(['id', 'indicator', 'target', 'page', 'points', 'detail', 'clause', 'source', 'record', 'inspector', 'date', 'screenshot', 'review', 'reply']);
    expect(Object.keys(site.findings[0].review)).toEqual(['decision', 'inspector', 'date']);
    expect(site.dismissed.map(({ id: _, ...d }: { id: string }) => d)).toEqual([DISMISSED]);
    expect(Object.keys(site).slice(-2)).toEqual(['findings', 'dismissed']);
    const { status, ...rest } = site;
    const file = { ...rest, findings: rest.findings.map(({ id: _, ...x }: { id: string }) => x), dismissed: rest.dismissed.map(({ id: _, ...x }: { id: string }) => x) };
    expect(status).toBe('draft');
    expect(siteQuarterSchema.parse(file)).toEqual(r);
    // findings.csv has the counted finding only.
    expect(parseCsv(openDataText('findings.csv', scope([r], '2026-Q4'))).map((x) => x.target)).toEqual(['咨询“社保卡补办”']);
  });

  it('an empty portal is valid JSON', () => {
    expect(JSON.parse(openDataText('data.json', scope([])))).toEqual({ schemaVersion: 1, quarters: [], status: {}, indicators: {}, sites: [] });
  });

  it('many sites over several chunks', () => {
    const rows = Array.from({ length: 4321 }, (_, i) => row({ site: `s${String(i).padStart(5, '0')}`, name: `站${i}`, score: i % 100 }));
    const data = JSON.parse(openDataText('data.json', scope(rows)));
    expect(data.sites.length).toBe(4321);
    expect(data.sites[4320].site).toBe('s04320');
  });
});

describe('every file', () => {
  it.each(OPEN_DATA_FILES)('%s does not depend on the order of the input', (file) => {
    expect(openDataText(file, scope([hexiQ4, linheQ3, linheQ4, eduQ3]))).toBe(openDataText(file, scope(ROWS)));
  });

  it.each(OPEN_DATA_FILES)('%s: the same bytes whichever of a quarter and all is asked first, and how often', (file) => {
    const fresh = () => openDataScopes(ROWS, isDraft);
    const expected = { q4: openDataText(file, fresh()[1]!), all: openDataText(file, fresh()[2]!) };
    const scopes = fresh();
    const [, q4, all] = scopes;
    for (const s of [all!, q4!, q4!, all!, all!, q4!]) expect(openDataText(file, s)).toBe(s.scope === 'all' ? expected.all : expected.q4);
  });

  it('streams the same bytes as the text, with the content type', async () => {
    const res = openDataResponse('findings.csv', scope(ROWS));
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(openDataText('findings.csv', scope(ROWS)));
    expect(openDataResponse('data.json', scope(ROWS)).headers.get('content-type')).toBe('application/json');
  });

  it('documents every column and key once, with a description', () => {
    for (const fields of [SITES_CSV_FIELDS, FINDINGS_CSV_FIELDS, DATA_JSON_FIELDS]) {
      const names = fields.map((x) => x.name);
      expect(new Set(names).size).toBe(names.length);
      for (const x of fields) expect(x.description).not.toBe('');
    }
    expect(SITES_CSV_COLUMNS).toEqual(SITES_CSV_FIELDS.map((x) => x.name));
    // Every key of a site in data.json is documented.
    const site = JSON.parse(openDataText('data.json', scope([linheQ3, eduQ3]))).sites;
    const keys = new Set([...Object.keys(site[0]), ...Object.keys(site[1])]);
    for (const k of keys) expect(DATA_JSON_FIELDS.some((x) => x.name === `sites[].${k}` || x.name === `sites[].${k}[]`)).toBe(true);
  });
});
