// npm run crawl -- --help
import { aaaaLookup, systemResolve6 } from '../src/inspector/gather/dns.ts';
import { resolveOptions } from '../src/inspector/gather/options.ts';
import { CRAWL_USAGE, parseCrawlArgs } from '../src/cli/crawl-args.ts';
import { calendarGapNotice, progressReporter, summaryTable } from '../src/cli/report.ts';
import { inspect } from '../src/inspector/inspect.ts';
import { loadProbeWindows } from '../src/inspector/gather/probe-window.ts';
import { loadRegistry } from '../src/store/registry.ts';
import { loadDictionary } from '../src/store/dictionary.ts';
import { loadRulesConfig } from '../src/store/rules-config.ts';
import { InputError } from '../src/store/yaml-file.ts';
import { readQuarterFile } from '../src/store/quarter-file.ts';
import { sampledSites } from '../src/workflow/sample.ts';

try {
  const args = parseCrawlArgs(process.argv.slice(2));
  if (!args) {
    console.log(CRAWL_USAGE);
    process.exit(0);
  }
  const registry = loadRegistry(args.contentDir);
  const rulesConfig = loadRulesConfig(args.contentDir);
  const dictionary = loadDictionary(args.contentDir);
  let sites = registry.sites;
  if (args.sample) {
    sites = sampledSites(sites, readQuarterFile(args.contentDir, args.quarter)?.sample, args.quarter, args.only);
    console.log(`${args.quarter} 抽查：检查 ${sites.length} 个网站（注册 ${registry.sites.length} 个）`);
  } else {
    const drawn = readQuarterFile(args.contentDir, args.quarter)?.sample;
    // Not refused (a full check of a sampled quarter can be wanted), but publish will only take the sample's files.
    if (drawn) console.warn(`注意：${args.quarter} 已抽样（${drawn.sites.length} 个网站），本次未加 --sample；发布时样本以外网站的结果须先删除。`);
  }
  if (!args.sample && args.only) {
    const unknown = args.only.filter((id) => !sites.some((s) => s.id === id));
    if (unknown.length) throw new InputError(`--only: no site with id ${unknown.join(', ')} in ${args.contentDir}/sites.yaml`);
    sites = sites.filter((s) => args.only!.includes(s.id));
  }
  // Read before any request: a bad probe record is a configuration error (exit 2), not a site's failure.
  const windows = loadProbeWindows(args.contentDir, sites.map((s) => s.id), args.asOf);
  const progress = progressReporter();
  const summary = await inspect({ sites, contentDir: args.contentDir, quarter: args.quarter, asOf: args.asOf, options: resolveOptions(args.options), rulesConfig, dictionary, dns: aaaaLookup(systemResolve6()), probes: (site) => windows.get(site.id), onEvent: progress.onEvent });
  progress.stop();
  console.log(`\n${args.quarter} 监测时间点 ${args.asOf}，结果写入 ${args.contentDir}/findings/${args.quarter}/\n`);
  console.log(summaryTable(summary));
  if (summary.calendarGap) console.log(`\n${calendarGapNotice(summary.calendarGap, args.contentDir)}`);
  if (summary.internalErrors.length) {
    console.error(`\n${summary.internalErrors.length} 个网站检查时出现内部错误（程序缺陷，请报告）：`);
    for (const e of summary.internalErrors) console.error(`  ${e.site}: ${e.message}`);
    process.exit(1);
  }
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
