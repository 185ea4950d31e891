// The quarter's judgement of government new media accounts (政务新媒体, 附件2 of the notice), from
// the inspectors' records (content/manual/<quarter>/) and the registry (content/media.yaml). An
// account fails on any veto item (indicators.md: not updated in 2 weeks, no interaction, severe
// errors); the other items are problems listed without a verdict of their own.
import { indicator, indicatorsAbout } from '../inspector/catalogue/index.ts';
import type { ManualRecord } from '../schemas/manual.ts';
import { MEDIA_PLATFORMS, type MediaAccount } from '../schemas/media.ts';
import { unitName, type UnitTree } from './units.ts';

/** A manual record as the read side passes it: its file (relative to the content folder) and frontmatter. */
export interface RecordRef {
  file: string;
  data: ManualRecord;
}

/** One problem of an account. */
export interface MediaProblem {
  indicator: string;
  /** Short Chinese title from the manual indicators, e.g. 内容不更新. */
  title: string;
  /** A veto item: the account is 不合格. */
  veto: boolean;
  /** What is wrong, as recorded. */
  target: string;
  /** The record's file; absent for the registry's own 未备案 (registered: false). */
  record?: string;
  inspector?: string;
  date?: string;
  /** Screenshot under public/. */
  screenshot?: string;
}

/** One account's judgement for the quarter: a row of 附件2. */
export interface MediaJudgement {
  account: MediaAccount;
  /** Platform as a notice names it, e.g. 微信. */
  platform: string;
  /** The owning unit's name (开设单位). */
  unitName: string;
  /** Vetoes first, then by indicator id, target and record file. */
  problems: MediaProblem[];
  /** 不合格 when any problem is a veto item. */
  verdict: 'pass' | 'fail';
}

/** The target written for an account the registry says is not filed. */
const NOT_FILED_TARGET = '未在全国政务新媒体信息报送系统备案';

/**
 * Judge the accounts one quarter's records name. Records about sites and units are ignored here;
 * a media record naming an account the registry does not have, or an indicator that is not a new
 * media item, is a content error and throws, naming the record's file: a record is never dropped.
 *
 * An account the registry marks `registered: false` is itself a media-not-filed problem, listed
 * every quarter in which the office checks new media, i.e. every quarter with at least one media
 * record; a quarter without any media record says nothing about any account.
 */
export function judgeMedia(accounts: readonly MediaAccount[], records: readonly RecordRef[], units: UnitTree): MediaJudgement[] {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const problems = new Map<string, MediaProblem[]>();
  const add = (id: string, p: MediaProblem) => {
    const list = problems.get(id);
    if (list) list.push(p);
    else problems.set(id, [p]);
  };
  for (const { file, data } of records) {
    if (data.media === undefined) continue;
    if (!byId.has(data.media)) throw new Error(`${file}: new media account ${data.media} is not in media.yaml`);
    const item = indicator(data.indicator);
    if (item?.subject !== 'media') throw new Error(`${file}: ${data.indicator} is not a new media item (one of ${mediaIds().join(', ')})`);
    add(data.media, {
      indicator: item.id,
      title: item.title,
      veto: item.kind === 'veto',
      target: data.target,
      record: file,
      inspector: data.inspector,
      date: data.date,
      ...(data.screenshot ? { screenshot: data.screenshot } : {}),
    });
  }
  if (problems.size > 0) {
    const notFiled = indicator('media-not-filed')!;
    for (const a of accounts) {
      if (a.registered || problems.get(a.id)?.some((p) => p.indicator === notFiled.id)) continue;
      add(a.id, { indicator: notFiled.id, title: notFiled.title, veto: false, target: NOT_FILED_TARGET });
    }
  }
  const out = [...problems].map(([id, list]): MediaJudgement => {
    const account = byId.get(id)!;
    list.sort((a, b) => Number(b.veto) - Number(a.veto) || cmp(a.indicator, b.indicator) || cmp(a.target, b.target) || cmp(a.record ?? '', b.record ?? ''));
    return {
      account,
      platform: MEDIA_PLATFORMS[account.platform],
      unitName: unitName(units, account.unit),
      problems: list,
      verdict: list.some((p) => p.veto) ? 'fail' : 'pass',
    };
  });
  return out.sort(
    (a, b) =>
      Number(b.verdict === 'fail') - Number(a.verdict === 'fail') ||
      a.unitName.localeCompare(b.unitName, 'zh-CN') ||
      cmp(a.account.unit, b.account.unit) ||
      a.account.name.localeCompare(b.account.name, 'zh-CN') ||
      cmp(a.account.id, b.account.id),
  );
}

/** 主要问题 of 附件2: each item once, in the problems' order, vetoes marked, a count when recorded more than once. */
export function mediaProblemText(j: MediaJudgement): string {
  const items = new Map<string, { title: string; veto: boolean; n: number }>();
  for (const p of j.problems) {
    const it = items.get(p.indicator);
    if (it) it.n++;
    else items.set(p.indicator, { title: p.title, veto: p.veto, n: 1 });
  }
  return [...items.values()].map((it) => `${it.title}${it.n > 1 ? ` ${it.n} 处` : ''}${it.veto ? '（单项否决）' : ''}`).join('；');
}

/** The figures for 一、总体情况: accounts found with problems, and how many of them fail. */
export function mediaCounts(judgements: readonly MediaJudgement[]): { accounts: number; failing: number } {
  return { accounts: judgements.length, failing: judgements.filter((j) => j.verdict === 'fail').length };
}

function mediaIds(): string[] {
  return indicatorsAbout('media').map((m) => m.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
