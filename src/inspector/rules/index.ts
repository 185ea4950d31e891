// The rule registry: one line per indicator, alphabetical. rules.test.ts fails when a rule file is missing here.
import accessibilityEntryMissing from './accessibility-entry-missing.ts';
import accessibilityIssues from './accessibility-issues.ts';
import annualReportMissing from './annual-report-missing.ts';
import brokenLink from './broken-link.ts';
import certificateInvalid from './certificate-invalid.ts';
import columnBlank from './column-blank.ts';
import columnMissing from './column-missing.ts';
import columnStale from './column-stale.ts';
import columnsNotUpdated from './columns-not-updated.ts';
import dataReleaseUpdated from './data-release-updated.ts';
import domainNonstandard from './domain-nonstandard.ts';
import dutyColumnLate from './duty-column-late.ts';
import errorReportEntryMissing from './error-report-entry-missing.ts';
import hiddenLink from './hidden-link.ts';
import homepageNotUpdated from './homepage-not-updated.ts';
import httpsMissing from './https-missing.ts';
import identityMarkMalformed from './identity-mark-malformed.ts';
import identityMarkMissing from './identity-mark-missing.ts';
import interactionUnresponsive from './interaction-unresponsive.ts';
import ipv6Incomplete from './ipv6-incomplete.ts';
import ipv6Missing from './ipv6-missing.ts';
import messageOverdue from './message-overdue.ts';
import messagesNotPublic from './messages-not-public.ts';
import metaTagsMissing from './meta-tags-missing.ts';
import personalDataExposed from './personal-data-exposed.ts';
import remindersUnheeded from './reminders-unheeded.ts';
import searchMissing from './search-missing.ts';
import severeError from './severe-error.ts';
import siteUnreachable from './site-unreachable.ts';
import typo from './typo.ts';
import type { Rule } from './types.ts';

export const RULES: readonly Rule[] = [
  accessibilityEntryMissing,
  accessibilityIssues,
  annualReportMissing,
  brokenLink,
  certificateInvalid,
  columnBlank,
  columnMissing,
  columnStale,
  columnsNotUpdated,
  dataReleaseUpdated,
  domainNonstandard,
  dutyColumnLate,
  errorReportEntryMissing,
  hiddenLink,
  homepageNotUpdated,
  httpsMissing,
  identityMarkMalformed,
  identityMarkMissing,
  interactionUnresponsive,
  ipv6Incomplete,
  ipv6Missing,
  messageOverdue,
  messagesNotPublic,
  metaTagsMissing,
  personalDataExposed,
  remindersUnheeded,
  searchMissing,
  severeError,
  siteUnreachable,
  typo,
];
