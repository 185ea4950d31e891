// npm run scale -- --out DIR [--sites 15000] [--quarters 8] [--until 2026-Q4] [--seed 1]   (--help for the options)
import { scaleCommand } from '../src/cli/scale.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(scaleCommand);
