// What a crawl prints: progress while it runs, a summary table at the end. Only the CLI prints.
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { RENDER_REASON_NAMES, RENDER_REASONS, type SiteQuarter } from '../schemas/findings.ts';
import type { InspectEvent, InspectSummary, RunLoad } from '../inspector/inspect.ts';
import { CRAWL_INDICATORS, indicator } from '../inspector/catalogue/index.ts';
import { isTrustedVantage } from '../schemas/vantage.ts';

/** Align columns of a small text table; East Asian characters count as two columns. */
export function textTable(rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c)))).join('  ')).join('\n');
}

/** A progress reporter: a bar on a TTY, one line per site otherwise. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { onEvent: (e: InspectEvent) => void; stop: () => void } {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: '检查 {bar} {value}/{total} 个网站 | {eta_formatted} | {pace} | {last}', hideCursor: true, etaBuffer: 20 },
      cliProgress.Presets.shades_classic,
    );
    return {
      onEvent(e) {
        if (e.type === 'start') bar.start(e.total, 0, { last: '', pace: '' });
        else bar.increment({ last: e.site.id, pace: e.type === 'site-done' && e.run ? pace(e.run) : '' });
        if (e.type === 'site-error') stream.write(`\n内部错误 ${e.site.id}: ${e.message}\n`);
      },
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  let total = 0;
  return {
    onEvent(e) {
      if (e.type === 'start') total = e.total;
      else if (e.type === 'site-done') {
        const r = e.result;
        stream.write(`[${++done}/${total}] ${r.site} ${r.verdict === 'pass' ? '合格' : '不合格'} ${r.score.toFixed(1)} 分，问题 ${r.findings.length} 项，页面 ${r.stats.pages}，链接 ${r.stats.links}（${(e.ms / 1000).toFixed(1)} s）${e.run ? ` | ${pace(e.run)}` : ''}\n`);
      } else stream.write(`[${++done}/${total}] ${e.site.id} 内部错误: ${e.message}\n`);
    },
    stop: () => {},
  };
}

/** The run's pace: requests per second so far, and hosts being fetched from now. */
export function pace(run: RunLoad): string {
  return `${(run.requests / Math.max(run.elapsedMs / 1000, 0.001)).toFixed(1)} 请求/s，${run.sitesAtOnce} 个网站同时检查，${run.hostsBusy} 个主机在访问`;
}

/** What the screenshots came to: files, sites and size, where they are, and every shot that failed (a note, never an error). */
export function screenshotNotice(s: NonNullable<InspectSummary['screenshots']>, dir: string): string {
  const lines = [`截图 ${s.files} 张（${s.sites} 个不合格网站，共 ${(s.bytes / 1024 / 1024).toFixed(1)} MB${s.files ? `，平均每张 ${Math.round(s.bytes / s.files / 1024)} KB` : ''}），保存在 ${dir}/`];
  if (s.failed.length) {
    lines.push(`${s.failed.length} 张未能截取（相应问题的证据中没有截图）：`);
    for (const f of s.failed) lines.push(`  ${f.site} ${f.indicator} ${f.url}: ${f.reason}${f.detail ? `（${f.detail}）` : ''}`);
  }
  return lines.join('\n');
}

/** Said once per run when the holiday calendar lacks the as-of date's year: what was not judged, and what to add where. */
export function calendarGapNotice(gap: NonNullable<InspectSummary['calendarGap']>, contentDir: string): string {
  const titles = gap.rules.map((id) => `${indicator(id)?.title ?? id}（${id}）`).join('、');
  return (
    `注意：${gap.year} 年节假日安排未录入，本次各网站的${titles}不适用（未评判）。\n` +
    `国务院办公厅公布 ${gap.year} 年节假日安排后，将放假和调休上班日期加入 ${join(contentDir, 'holidays.yaml')}（格式见该文件开头的说明），再运行检查。`
  );
}

/** Said when rules.yaml trusts some vantages and this run's is not one of them: its network failures judged nothing; undefined otherwise. */
export function untrustedVantageNotice(trusted: readonly string[] | undefined, vantage: string | undefined, contentDir: string): string | undefined {
  if (!trusted || isTrustedVantage(trusted, vantage)) return undefined;
  return `注意：本次检查地点“${vantage ?? '未设置'}”不在 ${contentDir}/rules.yaml 的 trustedVantages（${trusted.join('、')}）中：连接超时、拒绝等网络故障记为无法判断，不据此认定站点无法访问或链接不可用。`;
}

/** The table printed at the end of a run: totals, then findings per indicator. */
export function summaryTable(summary: InspectSummary, results: SiteQuarter[] = summary.results): string {
  const fail = results.filter((r) => r.verdict === 'fail').length;
  const head = textTable([
    ['网站', '合格', '不合格', '页面', '链接', '请求', '用时'],
    [String(results.length), String(results.length - fail), String(fail), String(summary.pages), String(summary.links), String(summary.requests), `${(summary.elapsedMs / 1000).toFixed(1)} s`],
  ]);
  const rows: string[][] = [['指标', '问题数', '涉及网站']];
  for (const rule of CRAWL_INDICATORS) {
    const hits = results.filter((r) => r.findings.some((f) => f.indicator === rule.id));
    const count = results.reduce((n, r) => n + r.findings.filter((f) => f.indicator === rule.id).length, 0);
    rows.push([`${rule.id} ${rule.title}`, String(count), String(hits.length)]);
  }
  return `${head}\n${renderLine(results)}\n${textTable(rows)}`;
}

/** How many pages were rendered in Chromium, why, and how many that needed it were read statically. */
export function renderLine(results: readonly SiteQuarter[]): string {
  const stats = results.flatMap((r) => (r.stats.rendered ? [r.stats.rendered] : []));
  if (stats.length === 0) return '';
  const pages = results.reduce((n, r) => n + r.stats.pages, 0);
  const rendered = stats.reduce((n, s) => n + s.pages, 0);
  const why = RENDER_REASONS.map((k) => [k, stats.reduce((n, s) => n + (s.reasons[k] ?? 0), 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${RENDER_REASON_NAMES[k]} ${n}`)
    .join('，');
  const failed = stats.reduce((n, s) => n + (s.failed ?? 0), 0);
  const over = stats.reduce((n, s) => n + (s.overBudget ?? 0), 0);
  const never = stats.reduce((n, s) => n + (s.notRendered ?? 0), 0);
  const share = pages ? ((100 * rendered) / pages).toFixed(1) : '0.0';
  return (
    `\n浏览器渲染 ${rendered} 个页面（占 ${share}%${why ? `：${why}` : ''}）` +
    (failed ? `；${failed} 个渲染未成功` : '') +
    (over ? `；${over} 个超出每站渲染页数（--max-rendered，栏目页优先），按静态页面判断` : '') +
    (never ? `；${never} 个页面内容由脚本生成，未用浏览器（--render never），其缺少的内容不作认定` : '') +
    '\n'
  );
}
