// Where the portal reads its content: content/ beside the project, or CONTENT_DIR (tests, an
// office's private checkout, the scale benchmark).
import { resolve } from 'node:path';

/** The content folder, absolute. */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}
