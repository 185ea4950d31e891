// npm run demo: simulated government web → crawl → findings → portal.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DEMO_AS_OF, runDemo } from '../src/demo/demo.ts';
import { progressReporter, summaryTable } from '../src/cli/report.ts';
import { InputError } from '../src/store/yaml-file.ts';
import { formatScores } from '../src/sandbox/truth.ts';
import { generateScale, quartersEnding } from '../src/demo/scale.ts';
import { quarterOf } from '../src/dates.ts';
import { wholeNumber } from '../src/cli/args.ts';
import { resetDemoWorkflow, runDemoWorkflow } from '../src/demo/workflow.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    content: { type: 'string', default: 'content' },
    sites: { type: 'string', default: '24' },
    pages: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string', default: DEMO_AS_OF },
    history: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
  },
});

try {
  console.log(`演示：启动模拟政府网站（${values.sites} 个网站，每站约 ${values.pages} 个页面），经代理抓取，监测时间点 ${values['as-of']}。`);
  // Earlier quarters, so the portal has history (charts, change from the previous quarter): the
  // same sandbox sites, each quarter keeping part of their seeded problems, written from the
  // ground truth without crawling (src/demo/scale.ts). Only the latest quarter is crawled.
  const history = wholeNumber('history', values.history, 0) ?? 0;
  const current = quarterOf(values['as-of']);
  const earlier = history > 0 ? quartersEnding(current, history + 1).slice(0, -1) : [];
  // The demo's quarters go back to drafts first: published ones would refuse to be written again.
  resetDemoWorkflow(values.content, earlier, current);
  if (history > 0) {
    console.log(`历史季度（由模拟网站预置问题生成，不抓取）：${earlier.join('、')}`);
    generateScale({ contentDir: values.content, sites: Number(values.sites), quarters: history, until: earlier[earlier.length - 1]!, seed: Number(values.seed), pagesPerSite: Number(values.pages) });
  }
  const progress = progressReporter();
  const demo = await runDemo({
    contentDir: values.content,
    sites: Number(values.sites),
    pagesPerSite: Number(values.pages),
    seed: Number(values.seed),
    asOf: values['as-of'],
    onEvent: progress.onEvent,
  });
  progress.stop();
  console.log(`\n${summaryTable(demo.summary)}\n`);
  console.log('与模拟网站预置问题（ground truth）对比的检出精确率与召回率：\n');
  console.log(formatScores(demo.scores));
  // The inspectors' part: media accounts, manual records, a review, earlier quarters published.
  const workflow = await runDemoWorkflow(values.content, earlier, current);
  console.log(`\n人工检查记录 ${workflow.records} 条（含政务新媒体）；已发布 ${workflow.published.join('、') || '无'}，${current} 为草稿（复核中）。`);
  if (demo.summary.internalErrors.length) {
    console.error(`\n内部错误：${demo.summary.internalErrors.map((e) => `${e.site}: ${e.message}`).join('\n')}`);
    process.exit(1);
  }
  if (!values['no-build']) {
    console.log('\n构建门户网站（npm run build：astro build 与站内链接检查）…');
    // The same command as npm run build: the build, then the link check over dist/.
    const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (build.status !== 0) process.exit(build.status ?? 1);
    console.log('\n门户已生成于 dist/。运行 npm run preview 后在浏览器打开 http://localhost:4321/ 查看。');
  }
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
