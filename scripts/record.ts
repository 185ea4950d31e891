// npm run record -- --quarter 2026-Q4 --site ID --indicator ID --target "…" --inspector 姓名 --evidence "…"   (--help for the options)
import { recordCommand } from '../src/cli/record.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(recordCommand);
