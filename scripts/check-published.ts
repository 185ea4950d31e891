// npm run check:published [-- --content DIR]: every published quarter against its manifest (the
// first step of npm run build; astro build runs the same check through src/postbuild/published.ts).
import { checkPublishedCommand } from '../src/cli/publish.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(checkPublishedCommand);
