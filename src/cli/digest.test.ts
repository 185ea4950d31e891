// The daily digest delivered to an SMTP server the test starts on 127.0.0.1 (smtp-server): what each
// unit receives, a refused message tried again, and one that never goes reported while the day's
// records stay as they were.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MonitorEvent } from '../schemas/monitor.ts';
import { writeMonitorDays, writeSiteEvents } from '../store/monitor-records.ts';
import { deliverDigests, digestsOfDay, mailSettings, reportText } from './digest.ts';

const DAY = '2026-11-24';
let dir: string;
let server: SMTPServer;
let port: number;
const received: Array<{ to: string[]; raw: string }> = [];
/** Refusals left per address: a number counts down, 'always' never ends. */
const refuse = new Map<string, number | 'always'>();

const ev = (date: string, problem: string, event: MonitorEvent['event'], over: Partial<MonitorEvent> = {}): MonitorEvent => ({ date, problem, event, target: '', page: '', unit: '', detail: '', ...over });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'digest-'));
  const content = join(dir, 'content');
  writeFileSync(join(dir, 'to.yaml'), 'linhe-bgs: office@linhe.gov.cn\nlinhe-jyj: [jyj@linhe.gov.cn, web@linhe.gov.cn]\nlinhe-sfj: sfj@linhe.gov.cn\n');
  rmSync(content, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(content);
  writeFileSync(join(content, 'units.yaml'), '- id: linhe-zf\n  name: 临河市人民政府\n- id: linhe-bgs\n  name: 临河市人民政府办公室\n  parent: linhe-zf\n- id: linhe-jyj\n  name: 临河市教育局\n  parent: linhe-zf\n- id: linhe-sfj\n  name: 临河市司法局\n  parent: linhe-zf\n');
  writeFileSync(join(content, 'sites.yaml'), [
    '- { id: linhe, name: 临河市人民政府, url: "http://www.linhe.gov.cn/", unit: linhe-bgs, kind: portal, siteCode: "3713000001" }',
    '- { id: linhe-jyj, name: 临河市教育局, url: "http://jyj.linhe.gov.cn/", unit: linhe-jyj, kind: department, siteCode: "3713000002" }',
    '- { id: linhe-sfj, name: 临河市司法局, url: "http://sfj.linhe.gov.cn/", unit: linhe-sfj, kind: department, siteCode: "3713000003" }',
    '',
  ].join('\n'));
  const link = 'broken-link-11111111';
  const stale = 'column-stale-22222222';
  writeSiteEvents(content, 'linhe', '2026', [
    ev('2026-11-20', link, 'open', { target: 'http://www.linhe.gov.cn/old.html', page: 'http://www.linhe.gov.cn/', unit: 'linhe-bgs', detail: 'HTTP 404' }),
    ev('2026-11-22', link, 'remind', { unit: 'linhe-bgs', detail: '第 1 次提醒' }),
    ev(DAY, link, 'fixed', { page: 'http://www.linhe.gov.cn/', detail: '链接已可访问（HTTP 200）' }),
    ev(DAY, stale, 'open', { target: '要闻动态', page: 'http://www.linhe.gov.cn/ywdt/', unit: 'linhe-bgs', detail: '已 15 天未更新' }),
  ]);
  writeSiteEvents(content, 'linhe-jyj', '2026', [
    ev('2026-11-20', 'typo-33333333', 'open', { target: '不忘出心', page: 'http://jyj.linhe.gov.cn/', unit: 'linhe-jyj', detail: '应为“不忘初心”' }),
    ev('2026-11-22', 'typo-33333333', 'remind', { unit: 'linhe-jyj', detail: '第 1 次提醒' }),
    ev(DAY, 'typo-33333333', 'remind', { unit: 'linhe-jyj', detail: '第 2 次提醒' }),
  ]);
  // The 司法局's problem has nothing on the day: no message.
  writeSiteEvents(content, 'linhe-sfj', '2026', [ev('2026-11-20', 'typo-44444444', 'open', { target: '攻府', page: 'http://sfj.linhe.gov.cn/', unit: 'linhe-sfj', detail: '应为“政府”' })]);
  writeMonitorDays(content, '2026', [{ date: DAY, sites: 3, checked: 3, unreachable: 0, not_checked: 0, opened: 1, reopened: 0, fixed: 1, reminded: 1 }]);

  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      const left = refuse.get(address.address);
      if (left === 'always' || (typeof left === 'number' && left > 0)) {
        if (typeof left === 'number') refuse.set(address.address, left - 1);
        return cb(Object.assign(new Error('mailbox busy'), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const env = (over: Record<string, string> = {}) => ({
  GOV_PORTAL_SMTP_URL: `smtp://127.0.0.1:${port}`,
  GOV_PORTAL_MAIL_FROM: 'monitor@zwfw.linhe.gov.cn',
  GOV_PORTAL_MAIL_TO: join(dir, 'to.yaml'),
  GOV_PORTAL_MAIL_BACKOFF_MS: '10',
  SITE_URL: 'https://jg.linhe.gov.cn',
  ...over,
});

/** The text of a message as sent (nodemailer writes it in base64). */
function bodyOf(raw: string): string {
  const [, body = ''] = raw.split(/\r?\n\r?\n/);
  return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
}
/** The Subject header, RFC 2047 words decoded. */
function subjectOf(raw: string): string {
  const m = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)![1]!;
  return m.replace(/\r?\n[ \t]/g, ' ').replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8')).trim();
}

describe('the daily digest', () => {
  test('each unit with something that day gets one message: reminders, new problems, fixes, what is still open', async () => {
    received.length = 0;
    const report = await deliverDigests(join(dir, 'content'), DAY, mailSettings(env())!);
    expect(report).toEqual({ sent: [{ unit: 'linhe-bgs', to: ['office@linhe.gov.cn'], tries: 1 }, { unit: 'linhe-jyj', to: ['jyj@linhe.gov.cn', 'web@linhe.gov.cn'], tries: 1 }], failed: [] });
    expect(received.map((m) => m.to)).toEqual([['office@linhe.gov.cn'], ['jyj@linhe.gov.cn', 'web@linhe.gov.cn']]);
    const office = bodyOf(received[0]!.raw);
    expect(subjectOf(received[0]!.raw)).toBe('【网站日常监测】2026-11-24：提醒 0 项，新发现 1 项，已整改 1 项');
    expect(office).toContain('临河市人民政府办公室：');
    expect(office).toContain('二、今日新发现（1 项）\n  1. 临河市人民政府（http://www.linhe.gov.cn/）栏目更新不及时：要闻动态\n     所在页面 http://www.linhe.gov.cn/ywdt/；2026-11-24 起第 1 天；问题编号 linhe/column-stale-22222222');
    expect(office).toContain('三、今日复查已整改（1 项）\n  1. 临河市人民政府 链接不可用：http://www.linhe.gov.cn/old.html（链接已可访问（HTTP 200））');
    expect(office).toContain('目前尚未整改的问题共 1 项。详见 https://jg.linhe.gov.cn/units/linhe-bgs/');
    const jyj = bodyOf(received[1]!.raw);
    expect(jyj).toContain('一、今日提醒（1 项）\n  1. 临河市教育局（http://jyj.linhe.gov.cn/）错别字：不忘出心\n     所在页面 http://jyj.linhe.gov.cn/；2026-11-20 起第 5 天，已提醒 2 次');
  });

  test('a refused message is tried again; one that never goes is reported, and the records stay as they were', async () => {
    received.length = 0;
    refuse.set('office@linhe.gov.cn', 1);
    refuse.set('jyj@linhe.gov.cn', 'always');
    const files = () => readdirSync(join(dir, 'content', 'monitor'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.csv')).map((f) => readFileSync(join(dir, 'content', 'monitor', f), 'utf8'));
    const before = files();
    const report = await deliverDigests(join(dir, 'content'), DAY, mailSettings(env())!);
    expect(report.sent).toEqual([{ unit: 'linhe-bgs', to: ['office@linhe.gov.cn'], tries: 2 }]);
    // The 教育局's second address took it at once; the first is tried twice more, alone, then reported.
    expect(report.failed).toEqual([{ unit: 'linhe-jyj', to: ['jyj@linhe.gov.cn'], tries: 3, error: "Can't send mail - all recipients were rejected: 451 mailbox busy" }]);
    expect(received.map((m) => m.to)).toEqual([['office@linhe.gov.cn'], ['web@linhe.gov.cn']]);
    expect(files()).toEqual(before);
    expect(reportText(DAY, report)).toContain('监测记录已保存；邮件可稍后重发：npm run digest -- --date 2026-11-24');
    refuse.clear();
  });

  test('settings: none without GOV_PORTAL_SMTP_URL; a half setting names what is missing; an unknown unit names its line', () => {
    expect(mailSettings({})).toBeUndefined();
    expect(() => mailSettings({ GOV_PORTAL_SMTP_URL: 'smtp://x' })).toThrow('GOV_PORTAL_SMTP_URL is set but GOV_PORTAL_MAIL_FROM (the sender address) and GOV_PORTAL_MAIL_TO (a YAML file outside content/: unit id → address) are not');
    writeFileSync(join(dir, 'bad.yaml'), 'linhe-bgs: office@linhe.gov.cn\nlinhe-nope: x@linhe.gov.cn\nlinhe-jyj: not-an-address\n');
    expect(() => digestsOfDay(join(dir, 'content'), DAY, { recipientsFile: join(dir, 'bad.yaml') })).toThrow(/bad\.yaml:3: linhe-jyj: /);
    writeFileSync(join(dir, 'bad.yaml'), 'linhe-bgs: office@linhe.gov.cn\nlinhe-nope: x@linhe.gov.cn\n');
    expect(() => digestsOfDay(join(dir, 'content'), DAY, { recipientsFile: join(dir, 'bad.yaml') })).toThrow(/bad\.yaml:2: linhe-nope: no unit with this id in units\.yaml/);
  });
});
