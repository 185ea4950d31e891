import { MIN_LIST, type PersonalDataFound, type PersonalDataThresholds, type PersonalKind } from '../snapshot.ts';
import { defineRule, type RuleFinding } from './types.ts';

/**
 * 泄露个人信息 (veto, under 安全、泄密等严重问题 of ../shared/indicators.md: "leaked secrets or
 * personal data"): a page shows personal numbers in full — 身份证 numbers valid by their GB 11643
 * check digit, bank card numbers valid by Luhn and named as cards, mobile numbers in a list of
 * people (gather/personal-data.ts says what each asks for) — in its text and tables, or in an
 * attached document the crawl read (xlsx, docx, pdf, csv; xls and doc for what stands alone). One
 * finding per page or document, its evidence masked (3701**********123X): the full numbers are
 * never written. An attachment that could not be read is no evidence either way.
 * rules.yaml sets how many of each kind make a finding (idCards, bankCards, mobiles in one list); 0
 * turns a kind off.
 */
export default defineRule({
  id: 'personal-data-exposed',
  title: '泄露个人信息',
  clause: '单项否决：安全、泄密等严重问题—公开内容泄露公民个人信息（身份证号、银行卡号、手机号等）',
  kind: 'veto',
  points: [],
  params: ['idCards', 'bankCards', 'mobiles'],
  run(snapshot, { params }) {
    if (snapshot.pages.length === 0) return { status: 'not_applicable', reason: '首页无法打开' };
    const thresholds = { idCards: params['idCards']!, bankCards: params['bankCards']!, mobiles: params['mobiles']! };
    const findings: RuleFinding[] = [];
    for (const p of snapshot.pages) {
      const found = p.facts.personalData && exposed(p.facts.personalData, thresholds);
      if (!found) continue;
      findings.push({ indicator: 'personal-data-exposed', target: p.url, page: p.url, points: 0, detail: `页面公开了完整的个人信息：${personalDataDetail(found)}` });
    }
    const linked = new Map(snapshot.links.map((l) => [l.url, l]));
    for (const d of snapshot.attachments?.documents ?? []) {
      const found = d.outcome.status === 'read' && d.outcome.found && exposed(d.outcome.found, thresholds);
      if (!found) continue;
      // Named on the page that links the document, where the link is.
      const link = linked.get(d.url);
      const page = link?.referrers[0] ?? d.url;
      const where = link?.whereOn?.[page];
      findings.push({
        indicator: 'personal-data-exposed',
        target: d.url,
        page,
        ...(where ? { where } : {}),
        points: 0,
        detail: `附件（${d.outcome.status === 'read' ? d.outcome.format : ''}）公开了完整的个人信息：${personalDataDetail(found)}`,
      });
    }
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});

/** Chinese names of the kinds, for evidence. */
export const PERSONAL_KIND_NAMES: Readonly<Record<PersonalKind, string>> = {
  'id-card': '身份证号',
  'bank-card': '银行卡号',
  mobile: '手机号',
};

/** What of a document reaches the thresholds, or undefined when nothing does. */
export function exposed(found: PersonalDataFound, thresholds: PersonalDataThresholds): PersonalDataFound | undefined {
  const out: PersonalDataFound = {};
  const id = found['id-card'];
  if (id && thresholds.idCards > 0 && id.count >= thresholds.idCards) out['id-card'] = id;
  const card = found['bank-card'];
  if (card && thresholds.bankCards > 0 && card.count >= thresholds.bankCards) out['bank-card'] = card;
  const mobile = found.mobile;
  if (mobile && thresholds.mobiles > 0 && (mobile.largestList ?? 0) >= Math.max(MIN_LIST, thresholds.mobiles)) out.mobile = mobile;
  return Object.keys(out).length ? out : undefined;
}

/** Evidence in words: 身份证号 12 个（如 3701**********123X；Sheet1）、手机号 30 个（如 138****5678；Sheet2）. */
export function personalDataDetail(found: PersonalDataFound): string {
  return (Object.keys(PERSONAL_KIND_NAMES) as PersonalKind[])
    .flatMap((kind) => {
      const k = found[kind];
      if (!k) return [];
      const places = k.places.length > 3 ? `${k.places.slice(0, 3).join('、')} 等 ${k.places.length} 处` : k.places.join('、');
      return [`${PERSONAL_KIND_NAMES[kind]} ${k.count} 个（如 ${k.examples.join('、')}；${places}）`];
    })
    .join('、');
}
