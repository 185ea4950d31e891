// A small content folder for the record and review commands' tests: three sites (two crawled this
// quarter), one media account, the repository's rules.yaml, and findings files as the crawl writes them.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, expect } from 'vitest';
import { InputError } from '../errors.ts';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteQuarterSchema, type Finding, type SiteQuarter } from '../schemas/findings.ts';
import { parseSiteQuarter, siteQuarterPath, writeSiteQuarter } from '../inspector/report/site-quarter.ts';
import { summaryBody } from '../inspector/report/summary.ts';
import { indicator } from '../inspector/catalogue/index.ts';

export const QUARTER = '2026-Q4';

/** A maker of empty temporary folders named PREFIX-…, each removed after its test; call at a test file's top level. */
export function tempFolders(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), `${prefix}-`));
    dirs.push(d);
    return d;
  };
}
const RULES_YAML = fileURLToPath(new URL('../../content/rules.yaml', import.meta.url));

/** A crawl finding with its rule's real clause, as the crawl writes it. */
export function crawlFinding(id: string, target: string, points: number, detail = ''): Finding {
  return { indicator: id, target, page: 'http://www.linhe.gov.cn/', points, detail, clause: indicator(id)!.clause };
}

/**
 * The two crawled sites, scored as the national method scores them (content/rules.yaml):
 * - linhe (portal): one stale news column, column-stale news = 5 ⇒ 100 − 5 = 95, 合格.
 * - linhe-czj (department): a severe-error veto (0 points) and one typo at 0.1 ⇒ 100 − 0.1 = 99.9,
 *   不合格 because of the veto.
 * linhe-jtj is registered but was not crawled this quarter.
 */
export const LINHE: SiteQuarter = siteQuarterSchema.parse({
  site: 'linhe',
  name: '临河市人民政府',
  url: 'http://www.linhe.gov.cn/',
  unit: 'linhe-bgs',
  quarter: QUARTER,
  asOf: '2026-11-20',
  verdict: 'pass',
  score: 95,
  vetoes: [],
  stats: { pages: 10, links: 100, inconclusive: 0 },
  findings: [crawlFinding('column-stale', '工作动态', 5, '最近更新 2026-10-01')],
});
export const LINHE_CZJ: SiteQuarter = siteQuarterSchema.parse({
  site: 'linhe-czj',
  name: '临河市财政局',
  url: 'http://czj.linhe.gov.cn/',
  unit: 'linhe-czj',
  quarter: QUARTER,
  asOf: '2026-11-20',
  verdict: 'fail',
  score: 99.9,
  vetoes: ['severe-error'],
  stats: { pages: 10, links: 100, inconclusive: 0 },
  findings: [crawlFinding('severe-error', '国务院总里', 0, '领导人职务错误'), crawlFinding('typo', '觉的', 0.1, '应为“觉得”')],
});

const SITES = `- id: linhe
  name: 临河市人民政府
  url: http://www.linhe.gov.cn/
  unit: linhe-bgs
  kind: portal
  siteCode: "1501000001"
- id: linhe-czj
  name: 临河市财政局
  url: http://czj.linhe.gov.cn/
  unit: linhe-czj
  kind: department
  siteCode: "1501000002"
- id: linhe-jtj
  name: 临河市交通运输局
  url: http://jtj.linhe.gov.cn/
  unit: linhe-jtj
  kind: department
  siteCode: "1501000003"
`;
const UNITS = `- id: linhe-zf
  name: 临河市人民政府
- id: linhe-bgs
  name: 临河市人民政府办公室
  parent: linhe-zf
- id: linhe-czj
  name: 临河市财政局
  parent: linhe-zf
- id: linhe-jtj
  name: 临河市交通运输局
  parent: linhe-zf
`;
const MEDIA = `- id: linhe-fabu
  name: 临河发布
  platform: wechat
  unit: linhe-bgs
  registered: true
`;

/** A temporary project: root/content (returned as content) and root/public for screenshots. */
export interface Fixture {
  root: string;
  content: string;
  /** Read a file relative to the content folder. */
  read(file: string): string;
  /** Write a file relative to the content folder. */
  write(file: string, text: string): void;
  /** A findings file of the quarter, parsed. */
  site(id: string): SiteQuarter;
  remove(): void;
}

/** Make the folder; findings files are rendered with the same summary body the re-score writes. */
export function makeFixture(): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'workflow-'));
  const content = join(root, 'content');
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(content, file)), { recursive: true });
    writeFileSync(join(content, file), text);
  };
  write('sites.yaml', SITES);
  write('units.yaml', UNITS);
  write('media.yaml', MEDIA);
  copyFileSync(RULES_YAML, join(content, 'rules.yaml'));
  mkdirSync(join(root, 'public', 'evidence'), { recursive: true });
  writeFileSync(join(root, 'public', 'evidence', 'linhe-message.png'), 'png');
  for (const sq of [LINHE, LINHE_CZJ]) writeSiteQuarter(content, sq, summaryBody(sq));
  return {
    root,
    content,
    read: (file) => readFileSync(join(content, file), 'utf8'),
    write,
    site: (id) => parseSiteQuarter(readFileSync(siteQuarterPath(content, QUARTER, id), 'utf8')).data,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A published quarter file, which every command must refuse to change. */
export const PUBLISHED_QUARTER = `---\nquarter: ${QUARTER}\nissuer: 临河市人民政府办公室\nto: 各部门\nstatus: published\npublished: 2026-12-01\ndate: 2026-12-01\n---\n\n正文\n`;

/** The InputError's message, or fails. */
export function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}
