// npm run record:import -- FILE.csv --quarter 2026-Q4 [--content DIR]   (--help for the columns)
import { readFileSync } from 'node:fs';
import { parseRecordImportArgs, RECORD_IMPORT_USAGE } from '../src/cli/record-args.ts';
import { InputError } from '../src/store/yaml-file.ts';
import { assertDraft } from '../src/store/quarter-paths.ts';
import { importRecords, importResultText } from '../src/workflow/record-import.ts';

try {
  const args = parseRecordImportArgs(process.argv.slice(2));
  if (!args) {
    console.log(RECORD_IMPORT_USAGE);
    process.exit(0);
  }
  assertDraft(args.contentDir, args.quarter, 'record:import');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.file);
  } catch (e) {
    throw new InputError(`${args.file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  console.log(importResultText(importRecords(args.contentDir, args.quarter, bytes, args.file), args.file));
} catch (e) {
  if (e instanceof InputError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
