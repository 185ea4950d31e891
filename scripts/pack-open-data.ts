// npm run build's step after astro: the open data as published (src/cli/pack-open-data.ts).
import { packOpenDataCommand } from '../src/cli/pack-open-data.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(packOpenDataCommand);
