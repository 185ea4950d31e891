// npm run record -- --quarter 2026-Q4 --site ID --indicator ID --target "…" --inspector 姓名 --evidence "…"   (--help for the options)
import { createInterface } from 'node:readline/promises';
import { completeRecord, parseRecordFlags, RECORD_USAGE } from '../src/cli/record-args.ts';
import { InputError } from '../src/store/yaml-file.ts';
import { assertDraft } from '../src/store/quarter-paths.ts';
import { addRecords, addResultText } from '../src/workflow/record-write.ts';

try {
  const flags = parseRecordFlags(process.argv.slice(2));
  if (!flags) {
    console.log(RECORD_USAGE);
    process.exit(0);
  }
  // Only at a terminal is anyone there to answer; piped or scripted, a missing flag is an error.
  const rl = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  let args;
  try {
    args = await completeRecord(flags, rl && ((q) => rl.question(q)), (quarter) => assertDraft(flags.contentDir, quarter, 'record'));
  } finally {
    rl?.close();
  }
  console.log(addResultText(addRecords(args.contentDir, args.quarter, [args.record])));
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
