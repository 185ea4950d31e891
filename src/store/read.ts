// Reading the files people hand the commands (content files, spreadsheets): one that cannot be read
// (missing, a folder, no permission) is an InputError that names it, never a stack trace.
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.ts';

/** A file's bytes (a spreadsheet may be GBK). */
export function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** A UTF-8 file's text. */
export function readText(file: string): string {
  return new TextDecoder().decode(readBytes(file));
}
