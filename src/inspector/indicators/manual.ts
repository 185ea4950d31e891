// Indicators that need a person (../shared/indicators.md): simulated consultations, service
// guides, error-report complaints, bonus items, new media accounts, self-inspection reports.
// One list, alphabetical by id within each subject; records (content/manual/) name these ids or a
// crawl rule's. Points and caps of the site items are in content/rules.yaml like every rule's.
import type { RuleKind } from '../rules/types.ts';

/** What a record is about: a website, a new media account, or the responsible unit itself. */
export type Subject = 'site' | 'media' | 'unit';

/** A manual indicator. */
export interface ManualIndicator {
  id: string;
  /** Short Chinese name, as in the national table or the seed notices. */
  title: string;
  /** The clause it applies, as findings files quote it. */
  clause: string;
  /**
   * Site items score like rules (veto, deduction, bonus, advice). Media items are veto (the
   * account fails) or problem (listed in 附件2, no verdict); unit items are problem (they count in
   * the yearly assessment, rules.yaml assessment:).
   */
  kind: RuleKind | 'problem';
  subject: Subject;
  /** Named point values it reads from the rules file: each, for the deduction and bonus items. */
  points: readonly string[];
}

const site = (id: string, kind: RuleKind, title: string, clause: string): ManualIndicator => ({ id, title, clause, kind, subject: 'site', points: kind === 'deduction' || kind === 'bonus' ? ['each'] : [] });
const bonus = (id: string, title: string, clause: string) => site(id, 'bonus', title, `加分：${clause}`);

export const MANUAL_INDICATORS: readonly ManualIndicator[] = [
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
  site('error-report-overdue', 'deduction', '网民纠错办理超期', '扣分：我为政府网站找错—6 个月内有网民纠错留言超过 3 个工作日未答复（每条 1 分，最多扣 3 分）'),
  site('service-unusable', 'veto', '服务不实用', '单项否决：服务不实用—无在线服务栏目，或 5 个以上办事指南各缺少 4 个以上要素'),
  // New media accounts (政务新媒体)
  { id: 'media-low-original', title: '原创内容少', clause: '问题：政务新媒体原创内容较少', kind: 'problem', subject: 'media', points: [] },
  { id: 'media-no-interaction', title: '无互动功能', clause: '单项否决：政务新媒体无有效互动功能', kind: 'veto', subject: 'media', points: [] },
  { id: 'media-not-deregistered', title: '关停未注销', clause: '问题：政务新媒体已停止更新或关停，未及时注销', kind: 'problem', subject: 'media', points: [] },
  { id: 'media-not-filed', title: '未在报送系统备案', clause: '问题：政务新媒体未在全国政务新媒体信息报送系统中备案', kind: 'problem', subject: 'media', points: [] },
  { id: 'media-not-updated', title: '内容不更新', clause: '单项否决：政务新媒体监测时间点前 2 周内无更新', kind: 'veto', subject: 'media', points: [] },
  { id: 'media-severe-error', title: '严重表述错误', clause: '单项否决：政务新媒体出现严重表述错误、泄露国家秘密、发布或链接反动暴力色情等内容', kind: 'veto', subject: 'media', points: [] },
  // Responsible units
  { id: 'self-inspection-missing', title: '未报送自查报告', clause: '问题：未按要求组织网站自查并报送自查结果', kind: 'problem', subject: 'unit', points: [] },
];

/** Manual indicators by id. */
export const MANUAL_BY_ID: ReadonlyMap<string, ManualIndicator> = new Map(MANUAL_INDICATORS.map((m) => [m.id, m]));

/** The site items: they are scored with the crawl's rules and need settings in rules.yaml. */
export const MANUAL_SITE_INDICATORS: readonly ManualIndicator[] = MANUAL_INDICATORS.filter((m) => m.subject === 'site');
