// The rule registry: one line per indicator, alphabetical. rules.test.ts fails when a rule file is missing here.
import brokenLink from './broken-link.ts';
import identityMarkMissing from './identity-mark-missing.ts';
import siteUnreachable from './site-unreachable.ts';
import type { Rule } from './types.ts';

export const RULES: readonly Rule[] = [
  brokenLink,
  identityMarkMissing,
  siteUnreachable,
];
