// The publication manifest of a quarter, content/manifests/<quarter>.sha256: the SHA-256 of every
// file of the quarter when it was published (or last corrected), in the format of GNU sha256sum,
// so anyone can check a published notice without this project:
//   cd content && sha256sum -c manifests/2026-Q4.sha256
// It guards against accidents (a hand edit, a crawl run on the wrong quarter), not against someone
// who rewrites the manifest too: git history is the audit trail for that.
// The screenshots the quarter's findings files name are signed with them, as ../public/<path>
// (where they are beside the content folder); stored in an evidence folder of their own
// (EVIDENCE_DIR), they are checked there, and not at all on a machine without it when the pages
// link to them elsewhere (EVIDENCE_URL: the build in CI).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import { screenshotPathSchema } from '../schemas/manual.ts';
import { writeFileAtomic } from '../store/atomic.ts';
import { evidenceDirOf, screenshotFile } from '../store/evidence.ts';
import { frontmatterData } from '../store/frontmatter.ts';
import { quarterFilePath, readQuarterFile } from '../store/quarter-file.ts';
import { quarterFiles, quarterParts } from '../store/quarter-paths.ts';
import { interruptedTransaction, transactionDir } from '../store/transaction.ts';
import { pinnedDir } from '../store/pinned.ts';
import { validateList } from '../store/registry.ts';
import { readYaml } from '../store/yaml-file.ts';
import { externalNoticeSchema } from '../schemas/notices.ts';

/** manifests/<quarter>.sha256, relative to the content folder. */
export const manifestFile = (quarter: string): string => `manifests/${quarter}.sha256`;

/** What is wrong with a published quarter; every file is relative to the content folder. */
export type ManifestProblem =
  /** The file's bytes differ from the signed hash. */
  | { kind: 'changed'; quarter: string; file: string }
  /** Signed, but no longer on disk. */
  | { kind: 'missing'; quarter: string; file: string }
  /** A file of the quarter the manifest does not list (added after publication). */
  | { kind: 'unsigned'; quarter: string; file: string }
  /** A line of the manifest (file) that is not "<64 hex>  <a file of the quarter>". */
  | { kind: 'malformed'; quarter: string; file: string; line: number; reason: string }
  /** The quarter file says published, but there is no manifest (file: the manifest's path). */
  | { kind: 'no-manifest'; quarter: string; file: string }
  /** A manifest (file) whose quarter file is missing or still a draft. */
  | { kind: 'not-published'; quarter: string; file: string }
  /** An entry of a live file (notices.yaml) that the year's assessment read when the quarter was published, since changed or removed. */
  | { kind: 'pinned-entry'; quarter: string; file: string; id: string; date: string };

const QUARTER = /^\d{4}-Q[1-4]$/;
// Text mode ("  ") as sha256sum writes it on Linux; binary mode (" *") is read too.
const LINE = /^([0-9a-fA-F]{64}) [ *](.+)$/;

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** How a manifest names a screenshot: from the content folder to public/, as sha256sum -c reads it there. */
const PUBLIC = '../public/';

/**
 * The screenshots the quarter's findings files name (findings and dismissed ones), as manifest
 * paths (../public/<path>), sorted. Only files that mention a screenshot are parsed.
 */
export function quarterEvidence(contentDir: string, quarter: string): string[] {
  const dir = `${quarterParts(quarter).findings}/`;
  const out = new Set<string>();
  for (const file of quarterFiles(contentDir, quarter)) {
    if (!file.startsWith(dir)) continue;
    const text = readFileSync(join(contentDir, file), 'utf8');
    if (!text.includes('screenshot:')) continue;
    const { data } = frontmatterData(join(contentDir, file), text);
    for (const list of [data['findings'], data['dismissed']]) {
      if (!Array.isArray(list)) continue;
      for (const f of list as Array<{ screenshot?: unknown }>) {
        if (typeof f?.screenshot !== 'string') continue;
        if (!screenshotPathSchema.safeParse(f.screenshot).success) throw new InputError(`${join(contentDir, file)}: screenshot ${f.screenshot} is not a path under public/`);
        out.add(`${PUBLIC}${f.screenshot}`);
      }
    }
  }
  return [...out].sort();
}

/** The file on disk a manifest path names (a screenshot's through EVIDENCE_DIR when set). */
const onDisk = (contentDir: string, path: string): string => (path.startsWith(PUBLIC) ? screenshotFile(contentDir, path.slice(PUBLIC.length)) : join(contentDir, path));

/** True where the screenshots cannot be checked: the pages link to them elsewhere (EVIDENCE_URL) and their folder is not on this machine. */
export function evidenceElsewhere(contentDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env['EVIDENCE_URL']) && !existsSync(evidenceDirOf(contentDir, env));
}

/** True for a path that can be a file of the quarter (see quarterParts) or a screenshot; nothing else may be signed in its manifest. */
function isQuarterPath(quarter: string, path: string): boolean {
  if (path.startsWith(PUBLIC)) return screenshotPathSchema.safeParse(path.slice(PUBLIC.length)).success;
  const parts = quarterParts(quarter);
  if (path === parts.quarterFile || path === parts.review) return true;
  // Anything under its findings, manual and pinned folders (quarterFiles signs every file there), never a way out of them.
  return [parts.findings, parts.manual, parts.pinned].some((dir) => path.startsWith(`${dir}/`) && path.slice(dir.length + 1).split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..'));
}

/**
 * Write manifests/<quarter>.sha256 over every file of the quarter and every screenshot its findings
 * name (atomically); returns the manifest's path and the files signed, relative to the content
 * folder. A screenshot named but not on disk is an InputError.
 */
export function signQuarter(contentDir: string, quarter: string): { manifest: string; files: string[] } {
  const evidence = quarterEvidence(contentDir, quarter);
  const files = [...quarterFiles(contentDir, quarter), ...evidence];
  // sha256sum escapes such names with a leading backslash; ids never contain them, so refuse rather than escape.
  const odd = files.find((f) => /[\\\n\r]/.test(f));
  if (odd !== undefined) throw new InputError(`${join(contentDir, odd)}: a file name with a backslash or line break cannot be signed; rename it`);
  const absent = evidence.filter((f) => !existsSync(onDisk(contentDir, f)));
  if (absent.length) throw new InputError(`${quarter}: screenshots named by its findings files are missing:\n  ${absent.map((f) => onDisk(contentDir, f)).join('\n  ')}`);
  const text = files.map((f) => `${sha256(onDisk(contentDir, f))}  ${f}\n`).join('');
  writeFileAtomic(join(contentDir, manifestFile(quarter)), text);
  return { manifest: manifestFile(quarter), files };
}

/** The manifest's entries (path → hash) and its malformed lines. */
function parseManifest(quarter: string, text: string): { entries: Map<string, string>; problems: ManifestProblem[] } {
  const file = manifestFile(quarter);
  const entries = new Map<string, string>();
  const problems: ManifestProblem[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, raw] of lines.entries()) {
    const bad = (reason: string) => problems.push({ kind: 'malformed', quarter, file, line: i + 1, reason });
    const m = LINE.exec(raw);
    if (!m) {
      bad(raw.trim() === '' ? '空行' : raw.startsWith('#') ? '注释行（sha256sum -c 不接受）' : '不是“<64 位十六进制 SHA-256>  <文件>”');
      continue;
    }
    const hash = m[1]!;
    const path = m[2]!;
    if (!isQuarterPath(quarter, path)) bad(`${path} 不是 ${quarter} 的文件`);
    else if (entries.has(path)) bad(`${path} 重复出现`);
    else entries.set(path, hash.toLowerCase());
  }
  return { entries, problems };
}

/**
 * Compare the quarter's files and screenshots on disk with its manifest: changed, missing and
 * unsigned files and malformed manifest lines, sorted by file; [] when everything matches. A
 * quarter without a manifest gives one no-manifest problem. Screenshots are not compared where
 * evidenceElsewhere() (their names still are: a findings file naming an unsigned one is caught).
 */
export function verifyQuarter(contentDir: string, quarter: string): ManifestProblem[] {
  const manifest = join(contentDir, manifestFile(quarter));
  if (!existsSync(manifest)) return [{ kind: 'no-manifest', quarter, file: manifestFile(quarter) }];
  const { entries, problems } = parseManifest(quarter, readFileSync(manifest, 'utf8'));
  const skipEvidence = evidenceElsewhere(contentDir);
  for (const [file, hash] of entries) {
    if (skipEvidence && file.startsWith(PUBLIC)) continue;
    const path = onDisk(contentDir, file);
    if (!existsSync(path) || !statSync(path).isFile()) problems.push({ kind: 'missing', quarter, file });
    else if (sha256(path) !== hash) problems.push({ kind: 'changed', quarter, file });
  }
  for (const file of [...quarterFiles(contentDir, quarter), ...quarterEvidence(contentDir, quarter)]) if (!entries.has(file)) problems.push({ kind: 'unsigned', quarter, file });
  return sortProblems(problems);
}

/**
 * Verify every published quarter of the content folder, plus the two inconsistencies between
 * quarter files and manifests: a published quarter without a manifest, a manifest without a
 * published quarter. An invalid quarter file is an InputError.
 */
export function verifyPublished(contentDir: string): ManifestProblem[] {
  // A command killed half-way leaves files changed that belong together; nothing is built from them.
  const interrupted = interruptedTransaction(contentDir);
  if (interrupted) {
    throw new InputError(`${transactionDir(contentDir)}: 写入命令 ${interrupted} 未完成，内容目录处于半改动状态；运行 npm run recover（或任一写入命令）恢复原状后再构建。`);
  }
  const problems: ManifestProblem[] = [];
  const quarters = new Set<string>();
  for (const dir of ['quarters', 'manifests']) {
    if (!existsSync(join(contentDir, dir))) continue;
    for (const name of readdirSync(join(contentDir, dir))) {
      const q = name.replace(/\.(md|sha256)$/, '');
      if (QUARTER.test(q) && name === `${q}${dir === 'quarters' ? '.md' : '.sha256'}`) quarters.add(q);
    }
  }
  for (const quarter of [...quarters].sort()) {
    const published = existsSync(quarterFilePath(contentDir, quarter)) && readQuarterFile(contentDir, quarter)?.status === 'published';
    const signed = existsSync(join(contentDir, manifestFile(quarter)));
    if (published) problems.push(...verifyQuarter(contentDir, quarter), ...changedNotices(contentDir, quarter));
    else if (signed) problems.push({ kind: 'not-published', quarter, file: manifestFile(quarter) });
  }
  // A notice pinned by several quarters of its year is named once, with the newest of them.
  const lastPin = new Map(problems.flatMap((p) => (p.kind === 'pinned-entry' ? [[p.id, p] as const] : [])));
  return problems.filter((p) => p.kind !== 'pinned-entry' || lastPin.get(p.id) === p);
}

/**
 * Other offices' notices of the quarter's year as pinned at its publication that notices.yaml no
 * longer has as they were: the year's page reads the live list (a notice that arrives later is new
 * and counts), so an edited or removed one would change a published year's figures.
 */
function changedNotices(contentDir: string, quarter: string): ManifestProblem[] {
  const pinned = join(pinnedDir(contentDir, quarter), 'notices.yaml');
  if (!existsSync(pinned)) return [];
  const year = quarter.slice(0, 4);
  const read = (path: string) => {
    if (!existsSync(path)) return new Map<string, string>();
    const y = readYaml(path);
    const errors: string[] = [];
    const list = y.data === null || y.data === undefined ? [] : validateList(y, externalNoticeSchema, 'notices', errors);
    if (errors.length) throw new InputError(`${path} has ${errors.length} problem${errors.length > 1 ? 's' : ''}:\n  ${errors.join('\n  ')}`);
    return new Map(list.map(([n]) => [n.id, JSON.stringify(n)]));
  };
  const live = read(join(contentDir, 'notices.yaml'));
  const out: ManifestProblem[] = [];
  for (const [id, text] of read(pinned)) {
    const n = JSON.parse(text) as { date: string };
    if (n.date.startsWith(`${year}-`) && live.get(id) !== text) out.push({ kind: 'pinned-entry', quarter, file: 'notices.yaml', id, date: n.date });
  }
  return out;
}

function sortProblems(problems: ManifestProblem[]): ManifestProblem[] {
  const line = (p: ManifestProblem) => (p.kind === 'malformed' ? p.line : 0);
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : line(a) - line(b)));
}

/** One line for people, starting with the file (and line) it is about. */
export function describeProblem(p: ManifestProblem): string {
  const m = manifestFile(p.quarter);
  switch (p.kind) {
    case 'changed':
      return `${p.file}: 已改动（与 ${m} 中的 SHA-256 不符）`;
    case 'missing':
      return `${p.file}: 已删除（${m} 中有签名，文件不存在）`;
    case 'unsigned':
      return `${p.file}: 未签名（属于 ${p.quarter}，但不在 ${m} 中）`;
    case 'malformed':
      return `${p.file}:${p.line}: 格式错误：${p.reason}`;
    case 'no-manifest':
      return `${quarterParts(p.quarter).quarterFile}: ${p.quarter} 已发布，但没有 ${m}`;
    case 'not-published':
      return `${p.file}: 有签名清单，但 ${quarterParts(p.quarter).quarterFile} 不存在或不是 status: published`;
    case 'pinned-entry':
      return `${p.file}: 通报 ${p.id}（${p.date}）在 ${p.quarter} 发布时已计入 ${p.quarter.slice(0, 4)} 年度考核，之后被改动或删除；请按 ${quarterParts(p.quarter).pinned}/notices.yaml 恢复`;
  }
}

/** The report check:published and the build print: every problem, then what to do. */
export function describeProblems(contentDir: string, problems: readonly ManifestProblem[]): string {
  const quarters = [...new Set(problems.filter((p) => p.kind !== 'pinned-entry').map((p) => p.quarter))];
  const pinned = problems.some((p) => p.kind === 'pinned-entry');
  return [
    `已发布的通报与签名清单不一致（内容目录 ${contentDir}）：`,
    ...problems.map((p) => `  ${describeProblem(p)}`),
    '',
    '已发布的通报是公开记录，只能通过更正改动：改好文件后运行',
    ...quarters.map((q) => `  npm run correct -- ${q} --what "改了什么" --why "为什么改"`),
    '记录勘误并重新签名；误改的文件请用 git 恢复。',
    ...(pinned ? ['已计入年度考核的其他机关通报不能改动或删除：请按上面所列的 pinned 副本恢复 notices.yaml 中的条目（新通报可以添加）。'] : []),
  ].join('\n');
}
