import { homeParts } from './lib/pages.ts';
import { defineRule, type RuleFinding } from './types.ts';

/** A portal's domain: www.<place>.gov.cn (www.gov.cn itself included). */
const PORTAL_HOST = /^www\.(?:[a-z0-9-]+\.)*gov\.cn$/;
/** A department's: <dept>.<place>.gov.cn, or a path under its portal. */
const GOV_HOST = /(?:^|\.)gov\.cn$/;

/** Words around a body's name in a header that are not part of it. */
const DECORATION = /(?:门户网站|官方网站|网站|官网)$/;

/** Forms of the site's name a header may show: the full name, without 门户网站, without its place (教育局), or the place of a 人民政府 portal. */
export function nameForms(name: string): string[] {
  const bare = name.replace(DECORATION, '');
  const forms = new Set([name, bare]);
  const place = /^(.+?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区))(.+)$/.exec(bare);
  if (place) {
    if (/^人民政府$/.test(place[2]!)) forms.add(place[1]!);
    else if (place[2]!.length >= 2) forms.add(place[2]!);
  }
  return [...forms].filter((f) => f.length >= 2);
}

/**
 * 域名和名称不规范: a domain outside .gov.cn or, for a portal, not www.<place>.gov.cn ('domain');
 * the site's name not shown in the home page header ('header-name'). 1 point each.
 */
export default defineRule({
  id: 'domain-nonstandard',
  title: '域名或名称不规范',
  clause: '扣分：网站域名不符合“.gov.cn”规范，或页头未标注网站名称（每项扣 1 分，最多扣 3 分）',
  kind: 'deduction',
  siteLevel: true,
  points: ['each'],
  run(snapshot, { points }) {
    const { site } = snapshot;
    const page = site.url;
    const host = new URL(site.url).hostname.toLowerCase();
    const findings: RuleFinding[] = [];
    const finding = (target: string, detail: string) => findings.push({ indicator: 'domain-nonstandard', target, page, points: points['each']!, detail });
    if (!GOV_HOST.test(host)) finding('domain', `域名 ${host} 不在 .gov.cn 下`);
    else if (site.kind === 'portal' && !PORTAL_HOST.test(host)) finding('domain', `门户网站域名 ${host} 不符合 www.地名.gov.cn 的形式`);
    const parts = homeParts(snapshot);
    if (parts.length > 0) {
      const header = parts.map((p) => p.facts.header).join(' ').replace(/\s+/g, '');
      if (header !== '' && !nameForms(site.name).some((f) => header.includes(f))) finding('header-name', `首页页头未见网站名称“${site.name}”`);
    }
    return findings.length ? { status: 'fail', findings } : { status: 'pass' };
  },
});
