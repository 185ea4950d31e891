// npm run crawl -- --help
import { crawlCommand } from '../src/cli/crawl.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(crawlCommand);
