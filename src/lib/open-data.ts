// Open data: the findings as sites.csv, findings.csv and data.json, per quarter (src/pages/data/;
// after astro the two large ones are replaced by their gzip, QUARTER_DATA_NAMES, and the
// all-quarters files made from the quarters': src/postbuild/pack-open-data.ts). Dismissed findings (经复核不予认定)
// never count: findings.csv has only the counted ones, sites.csv their number in dismissedCount,
// data.json each with its review. Pure over SiteQuarter rows. Rows are serialised 2,000 at a time
// and kept as UTF-8 parts, so a large file is never one array of arrays nor one string.
import { stringify, type Options } from 'csv-stringify/sync';
import type { Finding, SiteQuarter } from '../schemas/findings.ts';
import { checkFindingIds } from './finding-id.ts';
import { indicatorTitle } from './indicators.ts';

/** The files of each quarter and of 'all'. */
export const OPEN_DATA_FILES = ['sites.csv', 'findings.csv', 'data.json'] as const;
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];

/** data.json's schemaVersion: raised when a field is renamed or removed or changes meaning (adding a field does not). */
export const DATA_SCHEMA_VERSION = 1;

/** One documented field of a file: English name as in the header or key, its type, Chinese description for the data page. */
export interface FieldDoc {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'list' | 'array' | 'object';
  description: string;
}

/** Chinese names of the field types, for the data page. */
export const FIELD_TYPE_NAMES: Readonly<Record<FieldDoc['type'], string>> = {
  string: '文本',
  number: '数值',
  integer: '整数',
  boolean: '布尔（true/false）',
  date: '日期',
  list: '列表（; 分隔）',
  array: '数组',
  object: '对象',
};

/** What every row and file says of its quarter's notice. */
export type NoticeStatus = 'published' | 'draft';
const STATUS_DESCRIPTION = '通报状态：published（已正式发布）或 draft（草稿，结果尚在复核中，可能改变，不应作为正式结论引用）';

/** sites.csv, one row per site per quarter, in column order. */
export const SITES_CSV_FIELDS = [
  { name: 'quarter', type: 'string', description: '检查季度，如 2026-Q4' },
  { name: 'site', type: 'string', description: '网站ID（ASCII，长期不变，用于网址和文件名）' },
  { name: 'name', type: 'string', description: '检查时的网站名称' },
  { name: 'url', type: 'string', description: '首页地址' },
  { name: 'unit', type: 'string', description: '主管单位ID' },
  { name: 'region', type: 'string', description: '地区；名录未填写时为空' },
  { name: 'asOf', type: 'date', description: '监测时间点，YYYY-MM-DD' },
  { name: 'verdict', type: 'string', description: '结论：pass（合格）或 fail（不合格）' },
  { name: 'score', type: 'number', description: '得分（含加分，可超过 100）' },
  { name: 'bonus', type: 'number', description: '得分中所含的加分；无加分项时为空' },
  { name: 'noServices', type: 'boolean', description: 'true：无政务服务的部门网站，扣分部分按 75 分计算后折算为百分制；否则为 false' },
  { name: 'column', type: 'boolean', description: 'true：专栏（网站中按网址前缀单独检查的部分，如部门信息公开专栏），与网站分开统计；否则为 false' },
  { name: 'vetoes', type: 'list', description: '成立的单项否决指标ID，以英文分号 ; 分隔；无则为空' },
  { name: 'findingCount', type: 'integer', description: '该网站本季度发现的问题条数（即 findings.csv 中的行数）' },
  { name: 'dismissedCount', type: 'integer', description: '经人工复核不予认定的自动检查问题条数；这些问题不计分、不在 findings.csv 中，详见 data.json 的 dismissed' },
  { name: 'status', type: 'string', description: STATUS_DESCRIPTION },
] as const satisfies readonly FieldDoc[];

/** findings.csv, one row per finding, in column order. */
export const FINDINGS_CSV_FIELDS = [
  { name: 'quarter', type: 'string', description: '检查季度，如 2026-Q4' },
  { name: 'site', type: 'string', description: '网站ID，与 sites.csv 的 site 对应' },
  { name: 'name', type: 'string', description: '检查时的网站名称' },
  { name: 'indicator', type: 'string', description: '指标ID（英文，长期不变），如 broken-link' },
  { name: 'indicatorTitle', type: 'string', description: '指标中文名称，如 链接不可用' },
  { name: 'target', type: 'string', description: '问题对象：链接地址、栏目名称、错误词语或标识ID等，按抓取原文保留' },
  { name: 'page', type: 'string', description: '发现问题的页面地址' },
  { name: 'points', type: 'number', description: '该条问题在指标封顶前的扣分（加分项为加分）；单项否决和建议项为 0' },
  { name: 'detail', type: 'string', description: '证据说明，如 HTTP 404；可为空' },
  { name: 'clause', type: 'string', description: '所依据的国家检查指标条款' },
  { name: 'wherePart', type: 'string', description: '问题元素所在的页面部位：header（页面顶部）、nav（导航栏）、body（页面主体）、footer（页面底部）；无法判断或问题不针对页面元素（如缺少标识）时为空' },
  { name: 'whereSelector', type: 'string', description: '在浏览器开发者工具中找到该元素的 CSS 选择器；问题不针对页面元素时为空' },
  { name: 'whereText', type: 'string', description: '该元素显示的文字：链接文字、栏目标题、错别字所在的句子等；可为空' },
  { name: 'wherePage', type: 'string', description: '该元素所在的页面，仅当不是 page 列的页面时填写（如栏目标题在首页）；否则为空' },
  { name: 'status', type: 'string', description: STATUS_DESCRIPTION },
  { name: 'otherPages', type: 'integer', description: '同一问题另见的页面数（如失效链接的其他引用页面、同样缺少该标签的其他页面），该问题只扣一次分；页面清单见 data.json 的 alsoOn；没有时为 0' },
  { name: 'findingId', type: 'string', description: '问题编号：指标ID加 8 位十六进制数（问题对象与所在页面的 SHA-256 前 8 位），如 broken-link-3f9a01c2；同一季度同一网站内唯一，重新生成数据时不变。该问题在网站页面上的固定链接为 sites/{site}/#{quarter}-{findingId}' },
] as const satisfies readonly FieldDoc[];

/** data.json, described by path ([] is each element of an array), in the order the keys are written. */
export const DATA_JSON_FIELDS = [
  { name: 'schemaVersion', type: 'integer', description: `数据格式版本，当前为 ${DATA_SCHEMA_VERSION}；字段改名、删除或含义改变时递增，新增字段不递增` },
  { name: 'quarters', type: 'array', description: '本文件包含的检查季度，从早到晚' },
  { name: 'status', type: 'object', description: `检查季度 → 该季度的${STATUS_DESCRIPTION}` },
  { name: 'indicators', type: 'object', description: '本文件出现的指标ID → 指标中文名称，按ID排序' },
  { name: 'sites[]', type: 'object', description: '每个网站每个季度一项，按季度、网站ID排序；与检查结果文件的字段相同' },
  { name: 'sites[].site', type: 'string', description: '网站ID' },
  { name: 'sites[].name', type: 'string', description: '检查时的网站名称' },
  { name: 'sites[].url', type: 'string', description: '首页地址' },
  { name: 'sites[].unit', type: 'string', description: '主管单位ID' },
  { name: 'sites[].region', type: 'string', description: '地区；名录未填写时省略此键' },
  { name: 'sites[].column', type: 'boolean', description: '仅为 true：专栏（网站中按网址前缀单独检查的部分），与网站分开统计；否则省略此键' },
  { name: 'sites[].quarter', type: 'string', description: '检查季度' },
  { name: 'sites[].status', type: 'string', description: STATUS_DESCRIPTION },
  { name: 'sites[].asOf', type: 'date', description: '监测时间点，YYYY-MM-DD' },
  { name: 'sites[].verdict', type: 'string', description: 'pass（合格）或 fail（不合格）' },
  { name: 'sites[].score', type: 'number', description: '得分（含加分）' },
  { name: 'sites[].bonus', type: 'number', description: '得分中所含的加分；无加分时省略此键' },
  { name: 'sites[].noServices', type: 'boolean', description: '仅为 true：无政务服务的部门网站（按 75 分折算）；否则省略此键' },
    { name: 'sites[].vetoes', type: 'array', description: '成立的单项否决指标ID' },
  { name: 'sites[].stats', type: 'object', description: '抓取情况：pages 抓取页面数，links 检查的不同链接数，inconclusive 无法判定的链接数' },
  { name: 'sites[].findings[]', type: 'object', description: '发现的问题，按检查结果文件中的顺序：id（问题编号，同 findings.csv 的 findingId）、indicator、target、page、points、detail、clause，含义同 findings.csv；针对页面元素的问题在 page 之后另有 where（part、selector、text、page，含义同 findings.csv 的 wherePart、whereSelector、whereText、wherePage）；同一问题另见于其他页面的另有 alsoOn（pages 其他页面地址，最多 50 个，more 未列出的页面数）；人工检查的问题另有 source（manual）、record（检查记录文件）、inspector（检查人）、date（检查日期）、screenshot（截图路径），经复核的有 review（decision、reason、inspector、date），网站答复的有 reply（text、date）；没有的键省略' },
  { name: 'sites[].dismissed[]', type: 'object', description: '经人工复核不予认定的自动检查问题（不计分），字段同 findings[]（id 在复核前后不变），review.reason 为不予认定的理由；没有时省略此键' },
  { name: 'sites[].errors[]', type: 'object', description: '运行出错的检查规则（indicator 指标ID，message 错误信息），这些指标对该网站未作判定；没有时省略此键' },
  { name: 'sites[].notApplicable[]', type: 'object', description: '不适用、未作判定的检查规则（indicator 指标ID，reason 原因，如“首页无法打开”“2027 年节假日安排未录入，无法计算工作日”）；没有时省略此键' },
] as const satisfies readonly FieldDoc[];

export type SitesColumn = (typeof SITES_CSV_FIELDS)[number]['name'];
export type FindingsColumn = (typeof FINDINGS_CSV_FIELDS)[number]['name'];

/** sites.csv's header row. */
export const SITES_CSV_COLUMNS: readonly SitesColumn[] = SITES_CSV_FIELDS.map((f) => f.name);
/** findings.csv's header row. */
export const FINDINGS_CSV_COLUMNS: readonly FindingsColumn[] = FINDINGS_CSV_FIELDS.map((f) => f.name);

/** Separator of the vetoes column; indicator ids are kebab-case, so it never occurs inside one. */
export const LIST_SEPARATOR = ';';

/** Content-Type of each file. */
export const OPEN_DATA_CONTENT_TYPES: Readonly<Record<OpenDataFile, string>> = {
  'sites.csv': 'text/csv; charset=utf-8',
  'findings.csv': 'text/csv; charset=utf-8',
  'data.json': 'application/json',
};

/**
 * RFC 4180 CSV: CRLF between records (what Excel writes and expects). Line breaks inside a value are
 * kept as they are, inside quotes; quote_record_delimiter must be set because csv-stringify stops
 * quoting a lone \n once record_delimiter is given, and a parser would then split the record.
 * A text value a spreadsheet would run as a formula (a leading = + - @, tab or CR, crawled or
 * recorded text) gets a ' before it, as OWASP advises; numbers never do. data.json keeps every
 * value as it is (the data page says so).
 */
const CSV_OPTIONS: Options = { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true };

/** Rows per stringify call and per encoded chunk: enough to amortise a call, a few hundred KB each. */
const CHUNK_ROWS = 2000;

/** Code-unit order, the same everywhere (ids are ASCII). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One quarter's rows in file order (by site id), with their number of findings. */
export interface QuarterRows<T extends SiteQuarter = SiteQuarter> {
  quarter: string;
  status: NoticeStatus;
  rows: T[];
  findings: number;
}

/** What one set of files covers: a quarter, or 'all' (every quarter, oldest first). */
export interface OpenDataScope<T extends SiteQuarter = SiteQuarter> {
  /** The quarter, or 'all': the folder under data/. */
  scope: string;
  /** The quarters covered, oldest first; 'all' shares the quarter scopes' objects. */
  groups: QuarterRows<T>[];
  /** Rows of sites.csv. */
  sites: number;
  /** Rows of findings.csv. */
  findings: number;
}

/**
 * Every quarter's scope, oldest first, then 'all'. Rows are sorted once; 'all' reuses the quarters'
 * groups. A quarter isDraft says is not published is marked draft in every row and file.
 */
export function openDataScopes<T extends SiteQuarter>(rows: readonly T[], isDraft: (quarter: string) => boolean): OpenDataScope<T>[] {
  const byQuarter = new Map<string, QuarterRows<T>>();
  for (const r of rows) {
    let g = byQuarter.get(r.quarter);
    if (!g) byQuarter.set(r.quarter, (g = { quarter: r.quarter, status: isDraft(r.quarter) ? 'draft' : 'published', rows: [], findings: 0 }));
    g.rows.push(r);
    g.findings += r.findings.length;
  }
  const groups = [...byQuarter.values()].sort((a, b) => compare(a.quarter, b.quarter));
  for (const g of groups) g.rows.sort((a, b) => compare(a.site, b.site));
  const scope = (name: string, gs: QuarterRows<T>[]): OpenDataScope<T> => ({
    scope: name,
    groups: gs,
    sites: gs.reduce((n, g) => n + g.rows.length, 0),
    findings: gs.reduce((n, g) => n + g.findings, 0),
  });
  return [...groups.map((g) => scope(g.quarter, [g])), scope('all', groups)];
}

function siteRecord(r: SiteQuarter, status: NoticeStatus): (string | number)[] {
  const record: Record<SitesColumn, string | number> = {
    quarter: r.quarter,
    site: r.site,
    name: r.name,
    url: r.url,
    unit: r.unit,
    region: r.region ?? '',
    asOf: r.asOf,
    verdict: r.verdict,
    score: r.score,
    bonus: r.bonus ?? '',
    noServices: r.noServices ? 'true' : 'false',
    column: r.column ? 'true' : 'false',
    vetoes: r.vetoes.join(LIST_SEPARATOR),
    findingCount: r.findings.length,
    dismissedCount: r.dismissed?.length ?? 0,
    status,
  };
  return SITES_CSV_COLUMNS.map((c) => record[c]);
}

function findingRecords(r: SiteQuarter, status: NoticeStatus): (string | number)[][] {
  const ids = checkFindingIds(r);
  return r.findings.map((f) => {
    const record: Record<FindingsColumn, string | number> = {
      quarter: r.quarter,
      site: r.site,
      name: r.name,
      indicator: f.indicator,
      indicatorTitle: indicatorTitle(f.indicator),
      target: f.target,
      page: f.page,
      points: f.points,
      detail: f.detail,
      clause: f.clause,
      wherePart: f.where?.part ?? '',
      whereSelector: f.where?.selector ?? '',
      whereText: f.where?.text ?? '',
      wherePage: f.where?.page ?? '',
      status,
      otherPages: f.alsoOn ? f.alsoOn.pages.length + f.alsoOn.more : 0,
      findingId: ids.get(f)!,
    };
    return FINDINGS_CSV_COLUMNS.map((c) => record[c]);
  });
}

/** A site as data.json writes it: the findings file's fields in the schema's order, whatever the order they were read in, with its quarter's status after the quarter. */
export function jsonSite(r: SiteQuarter, status: NoticeStatus): JsonSite {
  const ids = checkFindingIds(r);
  return {
    site: r.site,
    name: r.name,
    url: r.url,
    unit: r.unit,
    ...(r.region === undefined ? {} : { region: r.region }),
    ...(r.column === undefined ? {} : { column: r.column }),
    quarter: r.quarter,
    status,
    asOf: r.asOf,
    verdict: r.verdict,
    score: r.score,
    ...(r.bonus === undefined ? {} : { bonus: r.bonus }),
    ...(r.noServices === undefined ? {} : { noServices: r.noServices }),
    vetoes: [...r.vetoes],
    stats: { pages: r.stats.pages, links: r.stats.links, inconclusive: r.stats.inconclusive },
    findings: r.findings.map((f) => jsonFinding(f, ids.get(f)!)),
    ...(r.dismissed === undefined ? {} : { dismissed: r.dismissed.map((f) => jsonFinding(f, ids.get(f)!)) }),
    ...(r.errors === undefined ? {} : { errors: r.errors.map((e) => ({ indicator: e.indicator, message: e.message })) }),
    ...(r.notApplicable === undefined ? {} : { notApplicable: r.notApplicable.map((n) => ({ indicator: n.indicator, reason: n.reason })) }),
  };
}

/** A finding as the open data writes it: its id (src/lib/finding-id.ts) first. */
export type JsonFinding = Finding & { id: string };
/** A site-quarter as the open data writes it. */
export type JsonSite = Omit<SiteQuarter, 'findings' | 'dismissed'> & { status: NoticeStatus; findings: JsonFinding[]; dismissed?: JsonFinding[] };

/** A finding in the schema's key order, its id first; optional keys left out, not null. */
export function jsonFinding(f: Finding, id: string): JsonFinding {
  return {
    id,
    indicator: f.indicator,
    target: f.target,
    page: f.page,
    ...(f.where === undefined ? {} : { where: { ...(f.where.part === undefined ? {} : { part: f.where.part }), selector: f.where.selector, text: f.where.text, ...(f.where.page === undefined ? {} : { page: f.where.page }) } }),
    ...(f.alsoOn === undefined ? {} : { alsoOn: { pages: [...f.alsoOn.pages], more: f.alsoOn.more } }),
    points: f.points,
    detail: f.detail,
    clause: f.clause,
    ...(f.source === undefined ? {} : { source: f.source }),
    ...(f.record === undefined ? {} : { record: f.record }),
    ...(f.inspector === undefined ? {} : { inspector: f.inspector }),
    ...(f.date === undefined ? {} : { date: f.date }),
    ...(f.screenshot === undefined ? {} : { screenshot: f.screenshot }),
    ...(f.review === undefined ? {} : { review: { decision: f.review.decision, ...(f.review.reason === undefined ? {} : { reason: f.review.reason }), inspector: f.review.inspector, date: f.review.date } }),
    ...(f.reply === undefined ? {} : { reply: { text: f.reply.text, date: f.reply.date } }),
  };
}

/** CSV records of one quarter, CHUNK_ROWS at a time, without BOM or header. */
function* csvRecords(group: QuarterRows, records: (r: SiteQuarter, status: NoticeStatus) => (string | number)[][]): Generator<string> {
  let batch: (string | number)[][] = [];
  for (const r of group.rows) {
    for (const rec of records(r, group.status)) {
      batch.push(rec);
      if (batch.length === CHUNK_ROWS) {
        yield stringify(batch, CSV_OPTIONS);
        batch = [];
      }
    }
  }
  if (batch.length) yield stringify(batch, CSV_OPTIONS);
}

/** data.json's sites of one quarter, one per line: "\n{…}" then ",\n{…}"; a ',' joins two quarters. */
function* jsonLines(group: QuarterRows): Generator<string> {
  let chunk = '';
  for (const [i, r] of group.rows.entries()) {
    chunk += `${i === 0 ? '' : ','}\n${JSON.stringify(jsonSite(r, group.status))}`;
    if ((i + 1) % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function* quarterText(file: OpenDataFile, group: QuarterRows): Generator<string> {
  if (file === 'sites.csv') yield* csvRecords(group, (r, status) => [siteRecord(r, status)]);
  else if (file === 'findings.csv') yield* csvRecords(group, findingRecords);
  else yield* jsonLines(group);
}

const encoder = new TextEncoder();
/** What TextEncoder gives: bytes on a plain ArrayBuffer, as a Response body wants them. */
type Bytes = Uint8Array<ArrayBuffer>;

function quarterBytes(file: OpenDataFile, group: QuarterRows): Bytes[] {
  return Array.from(quarterText(file, group), (text) => encoder.encode(text));
}

/** What comes before the rows: BOM and header for a CSV (so Excel reads UTF-8 Chinese), the object's head for JSON. */
function head(file: OpenDataFile, scope: OpenDataScope): string {
  if (file !== 'data.json') return stringify([], { ...CSV_OPTIONS, bom: true, header: true, columns: [...(file === 'sites.csv' ? SITES_CSV_COLUMNS : FINDINGS_CSV_COLUMNS)] });
  const ids = new Set<string>();
  for (const g of scope.groups) for (const r of g.rows) for (const f of r.findings) ids.add(f.indicator);
  const indicators = Object.fromEntries([...ids].sort(compare).map((id) => [id, indicatorTitle(id)]));
  // Every value goes through JSON.stringify; only the frame of the object is written here.
  const status = Object.fromEntries(scope.groups.map((g) => [g.quarter, g.status]));
  return `{"schemaVersion":${JSON.stringify(DATA_SCHEMA_VERSION)},"quarters":${JSON.stringify(scope.groups.map((g) => g.quarter))},"status":${JSON.stringify(status)},"indicators":${JSON.stringify(indicators)},"sites":[`;
}

/** One file of a scope as UTF-8 parts; concatenated, they are the file. */
export function openDataParts(file: OpenDataFile, scope: OpenDataScope): Uint8Array<ArrayBuffer>[] {
  const json = file === 'data.json';
  const parts = [encoder.encode(head(file, scope))];
  scope.groups.forEach((g, i) => {
    if (json && i > 0) parts.push(encoder.encode(','));
    parts.push(...quarterBytes(file, g));
  });
  if (json) parts.push(encoder.encode('\n]}\n'));
  return parts;
}

/** One file of a scope as a string (tests, small portals). */
export function openDataText(file: OpenDataFile, scope: OpenDataScope): string {
  return Buffer.concat(openDataParts(file, scope)).toString('utf8');
}

/** The endpoint's Response: the parts streamed as they are, no copy of a whole file on our side. */
export function openDataResponse(file: OpenDataFile, scope: OpenDataScope): Response {
  const parts = openDataParts(file, scope);
  const body = new ReadableStream<Bytes>({
    pull(controller) {
      const part = parts.shift();
      if (part) controller.enqueue(part);
      else controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': OPEN_DATA_CONTENT_TYPES[file] } });
}
