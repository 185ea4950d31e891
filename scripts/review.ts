// npm run review -- --quarter 2026-Q4 --list | --site ID --indicator ID --target "…" --confirm | --dismiss --reason "…" | --reply "…"   (--help for the options)
import { reviewCommand } from '../src/cli/review.ts';
import { runCommand } from '../src/cli/run.ts';

await runCommand(reviewCommand);
