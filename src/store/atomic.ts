// Writing generated files: atomically (temp file, then rename), so a crash never leaves half a file.
// Inside a transaction (transaction.ts) the file's old version is kept first, so that the whole
// command's change can be undone.
import { mkdirSync, renameSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { faultPoint } from './fault.ts';
import { beforeChange } from './transaction.ts';

/** Write a file so that readers see either the old or the new content, never a mix. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  beforeChange(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content);
    faultPoint();
    renameSync(tmp, path);
    faultPoint();
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Remove a file (nothing when it is not there), undoably inside a transaction. */
export function removeFile(path: string): void {
  if (!existsSync(path)) return;
  beforeChange(path);
  rmSync(path, { force: true });
  faultPoint();
}
