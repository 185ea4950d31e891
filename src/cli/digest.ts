// The daily e-mail digest: configured by environment, sent after npm run monitor, and again by
// npm run digest -- --date D (the digests are built from the records, so nothing is lost when a
// send fails).
import nodemailer from 'nodemailer';
import { isIsoDate, todayInShanghai } from '../dates.ts';
import { InputError } from '../errors.ts';
import { loadRegistry } from '../store/registry.ts';
import { buildDigests, loadRecipients, sendDigests, type SendReport, type UnitDigest } from '../workflow/monitor/digest.ts';
import { parseFlags } from './args.ts';

/** Where and how to send, from the environment; undefined when GOV_PORTAL_SMTP_URL is not set. */
export interface MailSettings {
  /** smtp://user:password@host:587 or smtps://…:465 (nodemailer's connection URL). */
  smtpUrl: string;
  from: string;
  /** The recipients file (unit id → address), kept outside content/, which is published. */
  recipientsFile: string;
  /** The portal's address (SITE_URL + BASE_PATH), for the link to a unit's page. */
  portal?: string;
  tries: number;
  backoffMs: number;
}

/** The portal's address from the build's SITE_URL and BASE_PATH, for links in the messages; undefined without SITE_URL. */
function portalOf(env: NodeJS.ProcessEnv): string | undefined {
  const site = env['SITE_URL'];
  return site ? `${site.replace(/\/$/, '')}${env['BASE_PATH'] ?? ''}` : undefined;
}

/** The mail settings of an environment; a half-configured one is an InputError naming what is missing. */
export function mailSettings(env: NodeJS.ProcessEnv): MailSettings | undefined {
  const smtpUrl = env['GOV_PORTAL_SMTP_URL'];
  if (!smtpUrl) return undefined;
  if (!/^smtps?:\/\//.test(smtpUrl)) throw new InputError('GOV_PORTAL_SMTP_URL must start with smtp:// or smtps://');
  const from = env['GOV_PORTAL_MAIL_FROM'];
  const recipientsFile = env['GOV_PORTAL_MAIL_TO'];
  const missing = [from ? '' : 'GOV_PORTAL_MAIL_FROM (the sender address)', recipientsFile ? '' : 'GOV_PORTAL_MAIL_TO (a YAML file outside content/: unit id → address)'].filter(Boolean);
  if (missing.length) throw new InputError(`GOV_PORTAL_SMTP_URL is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not`);
  const portal = portalOf(env);
  const tries = Number(env['GOV_PORTAL_MAIL_TRIES'] ?? 3);
  if (!Number.isInteger(tries) || tries < 1) throw new InputError(`GOV_PORTAL_MAIL_TRIES must be a whole number ≥ 1, got "${env['GOV_PORTAL_MAIL_TRIES']}"`);
  return { smtpUrl, from: from!, recipientsFile: recipientsFile!, ...(portal ? { portal } : {}), tries, backoffMs: Number(env['GOV_PORTAL_MAIL_BACKOFF_MS'] ?? 5_000) };
}

/** nodemailer's SMTP options of a connection URL, with deadlines: a silent server costs seconds, not the day's run. */
export function smtpOptions(url: string): { host: string; port: number; secure: boolean; auth?: { user: string; pass: string }; connectionTimeout: number; greetingTimeout: number; socketTimeout: number } {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  };
}

/** A day's digests, built from the records. */
export function digestsOfDay(contentDir: string, date: string, s: Pick<MailSettings, 'recipientsFile' | 'portal'>): UnitDigest[] {
  const { sites, units } = loadRegistry(contentDir);
  return buildDigests(contentDir, sites, units, loadRecipients(s.recipientsFile, units), date, s.portal);
}

/** Send a day's digests over SMTP; the transport is closed whatever happens. */
export async function deliverDigests(contentDir: string, date: string, s: MailSettings): Promise<SendReport> {
  const digests = digestsOfDay(contentDir, date, s);
  const transport = nodemailer.createTransport(smtpOptions(s.smtpUrl));
  try {
    // base64: Chinese text as it is, whatever a relay does with long lines.
    return await sendDigests(digests, (m) => transport.sendMail({ ...m, textEncoding: 'base64' }), s.from, { tries: s.tries, backoffMs: s.backoffMs });
  } finally {
    transport.close();
  }
}

/** What the command says of a report; the failures name the unit, the addresses and the last error. */
export function reportText(date: string, r: SendReport): string {
  const lines = [`${date} 日常监测提醒邮件：发送 ${r.sent.length} 封${r.failed.length ? `，失败 ${r.failed.length} 封` : ''}`];
  for (const f of r.failed) lines.push(`  ${f.unit}（${f.to.join('、')}）：试了 ${f.tries} 次，${f.error}`);
  if (r.failed.length) lines.push(`监测记录已保存；邮件可稍后重发：npm run digest -- --date ${date}`);
  return lines.join('\n');
}

export const DIGEST_USAGE = `Usage: npm run digest -- [--date YYYY-MM-DD] [--content DIR] [--dry-run]

Send (again) the daily e-mail digests of a day the monitor recorded, one per unit with something
that day. Settings by environment: GOV_PORTAL_SMTP_URL (smtp://user:pass@host:587),
GOV_PORTAL_MAIL_FROM, GOV_PORTAL_MAIL_TO (a YAML file outside content/: unit id → address or list),
GOV_PORTAL_MAIL_TRIES (3), GOV_PORTAL_MAIL_BACKOFF_MS (5000), SITE_URL and BASE_PATH for links.
--dry-run prints the messages instead (needs only GOV_PORTAL_MAIL_TO).`;

/** npm run digest: 0 when every digest was sent, 1 when some were not, 2 for bad input. */
export async function digestCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseFlags({ args: argv, options: { date: { type: 'string' }, content: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }, DIGEST_USAGE);
  if (values.help) {
    console.log(DIGEST_USAGE);
    return 0;
  }
  const date = values.date ?? todayInShanghai();
  if (!isIsoDate(date)) throw new InputError(`--date must be a date YYYY-MM-DD, got "${date}"`);
  const contentDir = values.content ?? 'content';
  if (values['dry-run']) {
    const file = env['GOV_PORTAL_MAIL_TO'];
    if (!file) throw new InputError('--dry-run needs GOV_PORTAL_MAIL_TO (a YAML file: unit id → address)');
    const portal = portalOf(env);
    for (const d of digestsOfDay(contentDir, date, { recipientsFile: file, ...(portal ? { portal } : {}) })) console.log(`To: ${d.to.join(', ')}\nSubject: ${d.subject}\n\n${d.text}`);
    return 0;
  }
  const s = mailSettings(env);
  if (!s) throw new InputError('GOV_PORTAL_SMTP_URL is not set (smtp://user:pass@host:587); see npm run digest -- --help');
  const report = await deliverDigests(contentDir, date, s);
  console.log(reportText(date, report));
  return report.failed.length ? 1 : 0;
}
