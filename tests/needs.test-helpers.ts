// Suites that need what a fresh clone may lack: the real pages of ../shared/real-pages (third-party
// data, never in the repository) and a Chromium. Without it a suite is skipped, and its name says
// why (the summary reporter prints one line for each); CI sets GOV_PORTAL_STRICT_TESTS=1, under
// which a missing corpus or browser fails the run instead.
import { describe, test } from 'vitest';

/** Every suite must run: set by .ci/run. */
export const STRICT = process.env['GOV_PORTAL_STRICT_TESTS'] === '1';

/** Marks a skipped suite's name; the summary reporter lists the suites that carry it. */
export const SKIPPED_MARK = ' — skipped: ';

/** Something a suite needs, and whether this machine has it. */
export interface Need {
  what: string;
  found: boolean;
}

/** describe(name, fn) when the need is met; else a skipped suite whose name says why (strict: a failing test). */
export function describeNeeding(need: Need, name: string, fn: () => void): void {
  if (need.found) {
    describe(name, fn);
  } else if (STRICT) {
    describe(name, () => {
      test(`needs ${need.what}`, () => {
        throw new Error(`${need.what} not found, and GOV_PORTAL_STRICT_TESTS=1 asks for every suite`);
      });
    });
  } else {
    // The suite's own tests are not collected: they would read what is missing.
    describe.skip(`${name}${SKIPPED_MARK}${need.what} not found`, () => {
      test(`needs ${need.what}`, () => {});
    });
  }
}
