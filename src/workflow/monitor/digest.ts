// The daily e-mail digest (提醒): for each unit that has something that day (a problem found, a
// reminder, a fix), one plain-text message listing the day's events and the problems still open
// with their age and reminders. Built from the monitor's records alone, so a day's digests can be
// built and sent again at any time (npm run digest): a failed send never costs a record.
// Addresses are not in content/ (it is published): GOV_PORTAL_MAIL_TO names a YAML file outside
// the repository, unit id → address(es).
import { z } from 'astro/zod';
import { InputError } from '../../errors.ts';
import { indicator } from '../../inspector/catalogue/index.ts';
import { idSchema, type Site, type Unit } from '../../schemas/registry.ts';
import type { MonitorEvent } from '../../schemas/monitor.ts';
import { readYaml, validateYaml } from '../../store/yaml-file.ts';
import { calendarDaysBetween } from '../../inspector/workdays.ts';
import type { Problem } from '../../store/monitor-state.ts';
import { siteProblemsOn } from './state.ts';

/** The recipients file: unit id → one address or a list. */
export const recipientsSchema = z.record(idSchema, z.union([z.email(), z.array(z.email()).min(1)]));

/** Read and check the recipients file; a unit id the registry does not know is refused with its line. */
export function loadRecipients(file: string, units: readonly Unit[]): Map<string, string[]> {
  const y = readYaml(file);
  const data = validateYaml(y, recipientsSchema);
  const known = new Set(units.map((u) => u.id));
  const unknown = Object.keys(data).filter((id) => !known.has(id));
  if (unknown.length) throw new InputError(`${file} is not valid:\n  ${unknown.map((id) => `${file}:${y.lineOf([id])}: ${id}: no unit with this id in units.yaml`).join('\n  ')}`);
  return new Map(Object.entries(data).map(([id, to]) => [id, Array.isArray(to) ? to : [to]]));
}

/** One unit's message of a day. */
export interface UnitDigest {
  unit: string;
  to: string[];
  subject: string;
  text: string;
}

/** A problem of a site, as a digest line names it. */
interface Line {
  site: Site;
  p: Problem;
}

const title = (id: string) => indicator(id)?.title ?? id;

function describe({ site, p }: Line, date: string): string {
  const days = calendarDaysBetween(p.since, date) + 1;
  const reminded = p.reminders ? `，已提醒 ${p.reminders} 次` : '';
  return `${site.name}（${site.url}）${title(p.indicator)}：${p.target}\n     所在页面 ${p.page}；${p.since} 起第 ${days} 天${reminded}；问题编号 ${site.id}/${p.id}`;
}

/**
 * The digests of `date` for the units with an address: a unit gets one when any problem it keeps
 * opened, reopened, was reminded or was fixed that day. `portal`: the portal's address, for a link
 * to the unit's page.
 */
export function buildDigests(contentDir: string, sites: readonly Site[], units: readonly Unit[], recipients: ReadonlyMap<string, string[]>, date: string, portal?: string): UnitDigest[] {
  const byUnit = new Map<string, { today: Array<Line & { e: MonitorEvent }>; open: Line[] }>();
  const slot = (unit: string) => byUnit.get(unit) ?? byUnit.set(unit, { today: [], open: [] }).get(unit)!;
  for (const site of sites) {
    const { events, problems } = siteProblemsOn(contentDir, site.id, date);
    for (const e of events) {
      if (e.date !== date) continue;
      const p = problems.get(e.problem)!;
      slot(e.unit || p.unit).today.push({ site, p, e });
    }
    for (const p of problems.values()) if (p.status === 'open') slot(p.unit).open.push({ site, p });
  }
  const names = new Map(units.map((u) => [u.id, u.name]));
  const out: UnitDigest[] = [];
  for (const [unit, { today, open }] of [...byUnit].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const to = recipients.get(unit);
    if (!to || today.length === 0) continue;
    const of = (kinds: MonitorEvent['event'][]) => today.filter((l) => kinds.includes(l.e.event));
    const found = of(['open', 'reopen']);
    const reminded = of(['remind']);
    const fixed = of(['fixed']);
    const section = (head: string, lines: Line[]) => (lines.length ? [`${head}（${lines.length} 项）`, ...lines.map((l, i) => `  ${i + 1}. ${describe(l, date)}`), ''] : []);
    const text = [
      `${names.get(unit) ?? unit}：`,
      '',
      `${date} 日常监测中，贵单位负责的网站有以下情况，请及时整改。整改后监测复查到问题不再出现，即记为已整改。`,
      '',
      ...section('一、今日提醒', reminded),
      ...section('二、今日新发现', found),
      ...(fixed.length ? [`三、今日复查已整改（${fixed.length} 项）`, ...fixed.map((l, i) => `  ${i + 1}. ${l.site.name} ${title(l.p.indicator)}：${l.p.target}（${l.e.detail}）`), ''] : []),
      `目前尚未整改的问题共 ${open.length} 项。${portal ? `详见 ${new URL(`units/${unit}/`, portal.endsWith('/') ? portal : `${portal}/`).href}` : ''}`,
      '',
      '（本邮件由政府网站监管平台日常监测自动发送。）',
      '',
    ].join('\n');
    const subject = `【网站日常监测】${date}：提醒 ${reminded.length} 项，新发现 ${found.length} 项，已整改 ${fixed.length} 项`;
    out.push({ unit, to, subject, text });
  }
  return out;
}

/** How a day's digests went. */
export interface SendReport {
  sent: Array<{ unit: string; to: string[]; tries: number }>;
  failed: Array<{ unit: string; to: string[]; tries: number; error: string }>;
}

/** What sends one message and says which addresses the server refused (nodemailer's sendMail; a stand-in in tests). */
export type SendMail = (m: { from: string; to: string[]; subject: string; text: string }) => Promise<{ rejected?: ReadonlyArray<string | { address: string }> }>;

/**
 * Send every digest, each tried `tries` times with a doubling pause (`backoffMs`, 2 × …) before
 * giving up on it; the others go on. A try that some addresses refused is tried again for those
 * only (the others have it). Never throws for a refused message: the report says which addresses.
 */
export async function sendDigests(digests: readonly UnitDigest[], send: SendMail, from: string, o: { tries: number; backoffMs: number; sleep?: (ms: number) => Promise<void> }): Promise<SendReport> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const report: SendReport = { sent: [], failed: [] };
  for (const d of digests) {
    let error = '';
    let tries = 0;
    let to = d.to;
    while (tries < o.tries && to.length > 0) {
      if (tries > 0) await sleep(o.backoffMs * 2 ** (tries - 1));
      tries++;
      try {
        const info = await send({ from, to, subject: d.subject, text: d.text });
        const refused = new Set((info.rejected ?? []).map((r) => (typeof r === 'string' ? r : r.address)));
        to = to.filter((a) => refused.has(a));
        error = to.length ? `服务器拒收 ${to.join('、')}` : '';
      } catch (e) {
        error = (e as Error).message;
      }
    }
    if (to.length) report.failed.push({ unit: d.unit, to, tries, error });
    else report.sent.push({ unit: d.unit, to: d.to, tries });
  }
  return report;
}
