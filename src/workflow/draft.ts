// The guard every command that writes a quarter's files goes through: a published notice is a
// public record, changed only by a correction (npm run correct), which the notice shows.
import { InputError } from '../errors.ts';
import { readQuarterFile } from '../store/quarter-file.ts';

/** Throws an InputError when the quarter is published: `action` (e.g. "crawl") may not change it. */
export function assertDraft(contentDir: string, quarter: string, action: string): void {
  const q = readQuarterFile(contentDir, quarter);
  if (q?.status === 'published') {
    throw new InputError(
      `${quarter} was published on ${q.published ?? '(no date)'}: ${action} refuses to change it. A published notice is a public record; ` +
        `change its files and run npm run correct -- ${quarter} --what "…" --why "…" to record an erratum and re-sign it.`,
    );
  }
}
