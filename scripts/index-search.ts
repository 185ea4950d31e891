// npm run build's second step: the Pagefind search index of a built portal (dist/pagefind/).
import { indexSearchCommand } from '../src/cli/index-search.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(indexSearchCommand);
