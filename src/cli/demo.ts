// npm run demo: the simulated government web → crawl → precision and recall → the inspectors' part
// (records, review, publication) → npm run build. Its options, and the steps in order.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { isIsoDate, quarterOf } from '../dates.ts';
import { DEMO_AS_OF, demoRectify, formatClasses, formatScripted, runDemo } from '../demo/demo.ts';
import { rectificationText } from './rectify.ts';
import { generateScale, quartersEnding } from '../demo/scale.ts';
import { resetDemoWorkflow, runDemoWorkflow } from '../demo/workflow.ts';
import { InputError } from '../errors.ts';
import { formatScores } from '../sandbox/truth.ts';
import { parseFlags, wholeNumber } from './args.ts';
import { evidenceDirOf } from '../store/evidence.ts';
import { progressReporter, screenshotNotice, summaryTable } from './crawl-output.ts';
import { formatMonth } from '../demo/month.ts';
import { DAILY_SPAN } from '../sandbox/daily.ts';
import { monitorConfigOf } from '../workflow/monitor/daily.ts';
import { loadRulesConfig } from '../store/rules-config.ts';

export const DEMO_USAGE = `Usage: npm run demo -- [options]
  --content DIR      content folder (default content; an office's own registry is never overwritten)
  --sites N          sandbox sites (default 24)
  --pages N          pages per site, at least 10 (default 40)
  --seed N           sandbox seed (default 1)
  --as-of DATE       the crawled quarter's as-of date (default ${DEMO_AS_OF})
  --history N        earlier quarters written from the seeded problems, without crawling (default 3)
  --days N           days of the daily monitor after the crawl, on the web as it changes (default 30, at most ${DAILY_SPAN}; 0: none)
  --screenshots      screenshots as evidence of the failing sites (npm run crawl -- --screenshots)
  --no-build         stop before npm run build
  -h, --help         this text`;

/** The demo's options. */
export interface DemoArgs {
  contentDir: string;
  sites: number;
  pages: number;
  seed: number;
  asOf: string;
  history: number;
  /** Days of the daily monitor after the crawl. */
  days: number;
  build: boolean;
  screenshots: boolean;
}

/** Parse argv; throws an InputError on bad input, returns undefined for --help. */
export function parseDemoArgs(argv: string[]): DemoArgs | undefined {
  const STRING = { type: 'string' } as const;
  const { values } = parseFlags(
    { args: argv, options: { content: STRING, sites: STRING, pages: STRING, seed: STRING, 'as-of': STRING, history: STRING, days: STRING, 'no-build': { type: 'boolean' }, screenshots: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } },
    DEMO_USAGE,
  );
  if (values.help) return undefined;
  const asOf = values['as-of'] ?? DEMO_AS_OF;
  if (!isIsoDate(asOf)) throw new InputError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  if (values.content === '') throw new InputError('--content needs a folder');
  return {
    contentDir: values.content ?? 'content',
    sites: wholeNumber('sites', values.sites, 1) ?? 24,
    pages: wholeNumber('pages', values.pages, 10) ?? 40,
    seed: wholeNumber('seed', values.seed, 0) ?? 1,
    asOf,
    history: wholeNumber('history', values.history, 0) ?? 3,
    days: Math.min(DAILY_SPAN, wholeNumber('days', values.days, 0) ?? DAILY_SPAN),
    build: values['no-build'] !== true,
    screenshots: values.screenshots === true,
  };
}

/** npm run demo: exit 1 when a site hit a bug or the build failed. */
export async function demoCommand(argv: string[]): Promise<number> {
  const args = parseDemoArgs(argv);
  if (!args) {
    console.log(DEMO_USAGE);
    return 0;
  }
  console.log(`演示：启动模拟政府网站（${args.sites} 个网站，每站约 ${args.pages} 个页面），经代理抓取，监测时间点 ${args.asOf}。`);
  // Earlier quarters, so the portal has history (charts, change from the previous quarter): the
  // same sandbox sites, each quarter keeping part of their seeded problems, written from the
  // ground truth without crawling (src/demo/scale.ts). Only the latest quarter is crawled.
  const current = quarterOf(args.asOf);
  const earlier = args.history > 0 ? quartersEnding(current, args.history + 1).slice(0, -1) : [];
  // The demo's quarters go back to drafts first: published ones would refuse to be written again.
  resetDemoWorkflow(args.contentDir, earlier, current);
  if (earlier.length > 0) {
    console.log(`历史季度（由模拟网站预置问题生成，不抓取）：${earlier.join('、')}`);
    generateScale({ contentDir: args.contentDir, sites: args.sites, quarters: args.history, until: earlier.at(-1)!, seed: args.seed, pagesPerSite: args.pages });
  }
  const progress = progressReporter();
  const demo = await runDemo({ contentDir: args.contentDir, sites: args.sites, pagesPerSite: args.pages, seed: args.seed, asOf: args.asOf, days: args.days, onEvent: progress.onEvent, screenshots: args.screenshots });
  progress.stop();
  console.log(`\n${summaryTable(demo.summary)}\n`);
  if (demo.summary.screenshots) console.log(`${screenshotNotice(demo.summary.screenshots, evidenceDirOf(args.contentDir))}\n`);
  console.log('与模拟网站预置问题（ground truth）对比的检出精确率与召回率：\n');
  console.log(formatScores(demo.scores));
  if (demo.scripted) console.log(formatScripted(demo.scripted));
  if (demo.classes.length > 0) console.log(`真实网站常见陷阱（每类只计带该陷阱的网站）：\n${formatClasses(demo.classes)}`);
  if (demo.month) console.log(`\n${formatMonth(demo.month, monitorConfigOf(loadRulesConfig(args.contentDir)).indicators)}`);
  // The inspectors' part: media accounts, manual records, a review, earlier quarters published.
  const workflow = await runDemoWorkflow(args.contentDir, earlier, current);
  console.log(`\n人工检查记录 ${workflow.records} 条（含政务新媒体）；已发布 ${workflow.published.join('、') || '无'}，${current} 为草稿（复核中）。`);
  // The last published notice's problems re-checked on the as-of date, past its deadline (整改复核).
  const rectified = workflow.published.at(-1);
  const recheck = rectified ? await demoRectify({ contentDir: args.contentDir, sites: args.sites, pagesPerSite: args.pages, seed: args.seed, asOf: args.asOf }, rectified) : undefined;
  if (rectified && recheck) console.log(`\n${rectificationText(args.contentDir, rectified, args.asOf)}`);
  if (demo.month?.internalErrors.length) console.error(`\n日常监测内部错误：${demo.month.internalErrors.map((e) => `${e.date} ${e.site}: ${e.message}`).join('\n')}`);
  if (recheck?.internalErrors.length) console.error(`\n整改复核内部错误：${recheck.internalErrors.map((e) => `${e.site}: ${e.message}`).join('\n')}`);
  if (demo.summary.internalErrors.length || demo.month?.internalErrors.length || recheck?.internalErrors.length) {
    console.error(`\n内部错误：${demo.summary.internalErrors.map((e) => `${e.site}: ${e.message}`).join('\n')}`);
    return 1;
  }
  if (!args.build) return 0;
  console.log('\n构建门户网站（npm run build：astro build 与站内链接检查）…');
  // The same command as npm run build, over the demo's own content folder.
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', env: { ...process.env, CONTENT_DIR: resolve(args.contentDir), ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) return build.status ?? 1;
  console.log('\n门户已生成于 dist/。运行 npm run preview 后在浏览器打开 http://localhost:4321/ 查看。');
  return 0;
}
