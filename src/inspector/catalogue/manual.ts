// Indicators that need a person (../shared/indicators.md): service guides, error-report complaints,
// browser compatibility, bonus items, new media accounts, self-inspection reports. One line each,
// alphabetical by id within each subject; records (content/manual/) name these ids or a crawl rule's
// (simulated consultations are recorded under the crawl's message-overdue). Points and caps of the
// site items are in content/rules.yaml like every rule's.
import type { IndicatorDef, IndicatorKind, Subject } from '../indicator.ts';

/** A website item: scored like a rule's findings (deduction and bonus items read points.each). */
const site = (id: string, kind: Exclude<IndicatorKind, 'problem'>, title: string, clause: string, more: Partial<IndicatorDef> = {}): IndicatorDef => ({
  id, title, clause, kind, subject: 'site', check: 'manual', points: kind === 'deduction' || kind === 'bonus' ? ['each'] : [], params: [], ...more,
});
const bonus = (id: string, title: string, clause: string) => site(id, 'bonus', title, `加分：${clause}`);
/** A new media account's or a unit's item: a veto fails the account; a problem is listed without a verdict. */
const other = (subject: Exclude<Subject, 'site'>, id: string, kind: 'veto' | 'problem', title: string, clause: string, more: Partial<IndicatorDef> = {}): IndicatorDef => ({
  id, title, clause, kind, subject, check: 'manual', points: [], params: [], ...more,
});

export const MANUAL_INDICATORS: readonly IndicatorDef[] = [
  // Websites
  bonus('bonus-fuzzy-search', '模糊搜索', '搜索功能—支持错别字纠正、拼音等模糊搜索（1 分）'),
  bonus('bonus-innovation', '创新发展', '创新发展—获得领导批示肯定或推广的创新做法（最多 3 分）'),
  bonus('bonus-interpretation-forms', '多元化解读', '政策解读—采用图片、音视频、动漫等多种形式解读（最多 3 分）'),
  bonus('bonus-open-data', '数据开放', '数据发布—提供数据集下载或接口（1 分）'),
  bonus('bonus-quick-reply', '咨询快速答复', '互动回应—模拟咨询在 1 个工作日内答复且质量较高（3 分）'),
  bonus('bonus-search-services', '搜索聚合服务', '搜索功能—搜索结果聚合办事服务（1 分）'),
  bonus('bonus-service-rating', '服务评价', '办事服务—提供办事评价功能并公开评价结果（最多 2 分）'),
  bonus('bonus-smart-qa', '智能问答', '互动回应—提供智能问答功能（2 分）'),
  bonus('bonus-sub-site-search', '下级网站统一检索', '搜索功能—门户可检索下级政府网站内容（最多 2 分）'),
  bonus('bonus-surveys', '调查征集', '互动回应—每年开展 6 次以上调查征集（2 分）并公开结果（1 分）'),
  bonus('bonus-topic-services', '主题服务', '办事服务—按主题、对象提供场景式服务（最多 2 分）'),
  bonus('bonus-user-space', '用户空间', '个性化服务—提供用户空间（2 分）'),
  bonus('bonus-visual-interpretation', '图表图解', '数据发布—提供图表图解等可视化解读（1 分）'),
  site('compatibility', 'deduction', '浏览器兼容性差', '扣分：可用性—页面在主流浏览器中无法正常显示（每种 1 分，最多扣 2 分）'),
  site('error-report-overdue', 'deduction', '网民纠错办理超期', '扣分：我为政府网站找错—6 个月内有网民纠错留言超过 3 个工作日未答复（每条 1 分，最多扣 3 分）', { assessment: 'overdueMessage' }),
  site('service-unusable', 'veto', '服务不实用', '单项否决：服务不实用—无在线服务栏目，或 5 个以上办事指南各缺少 4 个以上要素'),
  // New media accounts (政务新媒体)
  other('media', 'media-low-original', 'problem', '原创内容少', '问题：政务新媒体原创内容较少'),
  other('media', 'media-no-interaction', 'veto', '无互动功能', '单项否决：政务新媒体无有效互动功能'),
  other('media', 'media-not-deregistered', 'problem', '关停未注销', '问题：政务新媒体已停止更新或关停，未及时注销'),
  other('media', 'media-not-filed', 'problem', '未在报送系统备案', '问题：政务新媒体未在全国政务新媒体信息报送系统中备案'),
  other('media', 'media-not-updated', 'veto', '内容不更新', '单项否决：政务新媒体监测时间点前 2 周内无更新'),
  other('media', 'media-severe-error', 'veto', '严重表述错误', '单项否决：政务新媒体出现严重表述错误、泄露国家秘密、发布或链接反动暴力色情等内容'),
  // Responsible units
  other('unit', 'self-inspection-missing', 'problem', '未报送自查报告', '问题：未按要求组织网站自查并报送自查结果', { assessment: 'selfInspectionMissing', noticeWording: '未按要求报送网站自查报告' }),
];
