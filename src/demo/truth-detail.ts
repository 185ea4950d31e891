// The evidence a generated finding carries (npm run scale, the demo's earlier quarters): the
// sandbox's ground truth annotates each seeded defect in English for developers; a finding shown on
// the portal says it in Chinese, in the words the crawl's own rules use (src/inspector/rules/).
// A note this file cannot word throws, naming it, so a new kind of seeded defect cannot reach the
// portal in English.
import { dayNumber } from '../dates.ts';
import { MARK_NAMES, type Mark } from '../inspector/rules/identity-mark-missing.ts';
import { CLASS_NAMES } from '../inspector/rules/lib/columns.ts';
import type { RulesConfig } from '../schemas/rules-config.ts';
import type { TruthEntry } from '../sandbox/web.ts';

/** What wording a note needs besides the entry. */
export interface DetailContext {
  /** The quarter's 监测时间点. */
  asOf: string;
  /** Column windows by class. */
  columns: RulesConfig['columns'];
  /** Column and content pages the crawl would have read (meta-tags-missing). */
  sampledPages: number;
}

/** The broken-link kinds of the sandbox, as the crawl words what it saw. */
const BROKEN: Readonly<Record<string, string>> = {
  'HTTP 404': 'HTTP 404（页面不存在）',
  'HTTP 500': 'HTTP 500（服务器内部错误）',
  'host does not resolve': '域名无法解析',
  'redirect loop': '重定向循环',
  'never answers': '连接超时（无响应）',
  '200 page saying the page does not exist': 'HTTP 200，但页面显示“页面不存在”',
  "a deep link redirected to its site's home page": 'HTTP 200，但被重定向到网站首页（原页面已不存在）',
  'image 404': '图片 HTTP 404（页面不存在）',
  'attachment 404 in an article': '文章附件 HTTP 404（页面不存在）',
  'attachment HTTP 500 in an article': '文章附件 HTTP 500（服务器内部错误）',
  'list item on a host that does not resolve': '列表中的链接域名无法解析',
  'list item on page 2 answers 404': '列表第 2 页中的链接 HTTP 404（页面不存在）',
};

/** What the board lacks (messages-not-public), part by part. */
const UNPUBLISHED: Readonly<Record<string, string>> = {
  'no published message in the last 2 months': '近 2 个月无公开留言',
  'messages shown without 答复时间': '公开留言未标明答复时间',
  'messages shown without 答复单位': '公开留言未标明答复单位',
};

/** How a spam link is hidden (hidden-link). */
const HIDDEN: Readonly<Record<string, string>> = {
  'display:none on its parent div': '所在 div 设为 display:none',
  'display:none on the link': '链接设为 display:none',
  'position:absolute;left:-9999px': '移出可视区域（position:absolute;left:-9999px）',
  'font-size:0': 'font-size:0',
};

/** What a page or a document shows in full (personal-data-exposed), by the sandbox's note of it. */
const PERSONAL: Readonly<Record<string, string>> = {
  'a 公示 table of 8 people with full ID numbers': '公示名单列出 8 人的完整身份证号',
  'a table of 8 people with their mobile numbers': '名单列出 8 人的手机号',
  "a person's bank card number in the text": '正文列出个人银行卡号',
};

/** A WCAG failure axe finds (accessibility-issues), by the sandbox's note of it. */
const AXE: Readonly<Record<string, string>> = {
  'the logo image has no alt': '页头标志图片没有替代文本（alt）',
  "the home blocks' heading images have no alt": '首页栏目标题图片没有替代文本（alt）',
  "the table template's search box has no label": '搜索框没有标签或可读名称',
  'the logo link has no text': '页头标志链接没有可读文字',
  'the 友情链接 drop-down has no name': '友情链接下拉框没有可读名称',
  'the 长者模式 entry does not enlarge the text': '点击长者模式入口后，页面文字没有放大',
  'the 长者模式 pales the text to #aaa on white': '长者模式把文字改为白底浅灰色（#aaa），对比度约 2.3:1',
  'the home page’s 飘窗 stays in the 长者模式': '首页飘窗在长者模式下仍然显示',
};

/** What a site lacks over IPv6 (ipv6-incomplete), by the sandbox's note of it. */
const IPV6: Readonly<Record<string, string>> = {
  'the home page over IPv6 fails one try in three': '首页经 IPv6 访问，每 3 次有 1 次失败',
  'over IPv6 the home page is a placeholder page': '经 IPv6 打开的首页是测试页，与经 IPv4 打开的不同',
  'over IPv6 only the home page is served: second-level pages answer 502': '经 IPv6 只能打开首页，二级页面返回 HTTP 502',
  'over IPv6 only the home page is served: third-level pages answer 502': '经 IPv6 只能打开首页，三级页面返回 HTTP 502',
  "the site's own zone is served by name servers without IPv6": '网站域名所在区域的域名服务器均无 IPv6 地址',
};

/** Which sum of a 政府信息公开工作年度报告's application table the sandbox broke (annual-report-missing). */
const TABLE_SUMS: Readonly<Record<string, string>> = {
  'row-total': '有一行的“总计”不等于六类申请人之和',
  'results-total': '“（七）总计”不等于各项办理结果之和',
  balance: '“本年新收”加“上年结转”不等于“（七）总计”加“结转下年度继续办理”',
};

/** A certificate's problem (certificate-invalid), by the sandbox's note of it. */
const CERTIFICATE: Readonly<Record<string, string>> = {
  'certificate expired 20 days before the as-of date': '证书已过期：检查日期前 20 天已到期',
  'certificate expires 20 days after the as-of date': '证书即将过期：距检查日期仅剩 20 天',
  'certificate issued for another host': '证书与域名不符：证书为其他域名签发',
  'the intermediate certificate is not sent': '证书链不完整：服务器未发送中间证书',
  'self-signed certificate': '自签名证书',
  'TLS 1.0 and 1.1 still accepted': '仍支持不安全的 TLS 1.0/1.1',
};

/** The finding's detail for a truth entry, in Chinese; throws on a note it does not know. */
export function truthDetail(e: TruthEntry, ctx: DetailContext): string {
  const note = e.note;
  const unknown = (): never => {
    throw new Error(`src/demo/truth-detail.ts has no Chinese wording for the ${e.indicator} note “${note}”`);
  };
  let m: RegExpExecArray | null;
  switch (e.indicator) {
    case 'site-unreachable':
      return note === 'connection refused' ? '连接被拒绝，首页无法打开' : unknown();
    case 'broken-link':
      return BROKEN[note] ?? unknown();
    case 'identity-mark-missing': {
      const name = MARK_NAMES[e.target as Mark] ?? unknown();
      if (note === 'absent from the footer') return `首页底部未见${name}`;
      return note === 'only inside an HTML comment' ? `首页底部未见${name}（仅写在页面源代码的注释中，访问者看不到）` : unknown();
    }
    case 'identity-mark-malformed':
      return (m = /^公安备案 number printed with (\d+) digits$/.exec(note)) ? `公安机关备案编号为 ${m[1]} 位数字，应为 14 位` : unknown();
    case 'column-blank':
      return '栏目页无任何信息（显示“暂无信息”或列表为空）';
    case 'column-stale': {
      if (!(m = /^(\w+) column, newest item (\d{4}-\d{2}-\d{2})$/.exec(note))) return unknown();
      const cls = m[1] as keyof RulesConfig['columns'];
      const window = ctx.columns[cls]?.window ?? unknown();
      return `${CLASS_NAMES[cls]}栏目，最新信息 ${m[2]}，已 ${dayNumber(ctx.asOf) - dayNumber(m[2]!)} 天未更新（应 ${window} 天内更新）`;
    }
    case 'duty-column-late': {
      if (!(m = /^(same-day|weekly) column, newest item (\d{4}-\d{2}-\d{2}), due (\d{4}-\d{2}-\d{2})$/.exec(note))) return unknown();
      return `按内容保障方案，“${e.target}”栏目${m[1] === 'same-day' ? '当日更新' : '至少每周更新'}；最新信息 ${m[2]}，应不早于 ${m[3]}`;
    }
    case 'columns-not-updated':
      return (m = /^(\d+) stale news\/notice\/policy columns, (\d+) stale, (\d+) blank$/.exec(note))
        ? `动态要闻、通知公告、政策文件类栏目中 ${m[1]} 个超过更新期限；全站不更新栏目 ${m[2]} 个，空白栏目 ${m[3]} 个`
        : unknown();
    case 'homepage-not-updated':
      return note === 'no home-page item in the last 14 days' ? '首页 14 天内无新信息' : unknown();
    case 'column-missing':
      return (m = /^no (.+) column anywhere on the site$/.exec(note)) ? `全站未见“${m[1]}”栏目` : unknown();
    case 'data-release-updated':
      return (m = /^bonus \d: newest release (\d{4}-\d{2}-\d{2})$/.exec(note)) ? `数据发布栏目最新信息 ${m[1]}（${dayNumber(ctx.asOf) - dayNumber(m[1]!)} 天前）` : unknown();
    case 'interaction-unresponsive':
      return note === 'a message left unanswered for more than 3 months' ? '有留言超过 3 个月未答复' : unknown();
    case 'messages-not-public':
      return note
        .split('; ')
        .map((part) => UNPUBLISHED[part] ?? unknown())
        .join('；');
    case 'message-overdue':
      if ((m = /^answered (\d+) days after it was asked$/.exec(note))) return `${e.target} 留言，${m[1]} 天后答复，超过答复时限`;
      return (m = /^unanswered (\d+) days after it was asked$/.exec(note)) ? `${e.target} 留言，至监测时间点 ${m[1]} 天未答复，超过答复时限` : unknown();
    case 'typo':
      if (note === 'serious wording error') return `严重错别字“${e.target}”`;
      return note === 'normal wording error' ? `错别字“${e.target}”` : unknown();
    case 'severe-error':
      if ((m = /^one of (\d+) serious wording errors$/.exec(note))) return `严重错别字“${e.target}”（全站 ${m[1]} 处）`;
      return note === 'publication date after the as-of date (forged)' ? `发布日期晚于检查日期 ${ctx.asOf}：${e.target}` : unknown();
    case 'hidden-link':
      return (m = /^off-site link hidden with (.+)$/.exec(note)) ? `隐藏的站外链接，隐藏方式：${HIDDEN[m[1]!] ?? unknown()}` : unknown();
    case 'personal-data-exposed': {
      // "xlsx: …" for an attached document, the page's forms joined by "; " for the page itself.
      const file = /^(\w+): (.+)$/.exec(note);
      const shown = (file ? file[2]! : note).split('; ').map((n) => PERSONAL[n] ?? unknown()).join('；');
      return file ? `附件（${file[1]}）公开了完整的个人信息：${shown}` : `页面公开了完整的个人信息：${shown}`;
    }
    case 'accessibility-entry-missing':
      return note === 'no elder-friendly or accessible mode entry on the home page' ? '首页未见长者模式、关怀版、无障碍浏览等入口' : unknown();
    case 'annual-report-missing':
      if ((m = /^no website report on the home page \((\d{4}) due\)$/.exec(note))) return `首页未见 ${m[1]} 年度政府网站工作年度报表`;
      if ((m = /^the home page links only the (\d{4}) website report \((\d{4}) due\)$/.exec(note))) return `首页未见 ${m[2]} 年度政府网站工作年度报表；首页最新为 ${m[1]} 年度`;
      if ((m = /^the collecting column omits (\S+)'s report$/.exec(note))) return `年度报表专栏未见网站 ${m[1]} 的年度报表`;
      if ((m = /^the 年报 list's newest report is of (\d{4}) \((\d{4}) due\)$/.exec(note))) return `信息公开年报栏目未见 ${m[2]} 年政府信息公开工作年度报告；栏目最新为 ${m[1]} 年`;
      if ((m = /^the (\d{4}) report's table breaks its (row-total|results-total|balance) sum$/.exec(note))) return `${m[1]} 年政府信息公开工作年度报告的申请情况表格${TABLE_SUMS[m[2]!]}`;
      return unknown();
    case 'certificate-invalid':
      return CERTIFICATE[note] ?? unknown();
    case 'error-report-entry-missing':
      return note === 'no 我为政府网站找错 entry on any page' ? '全站未见“我为政府网站找错”入口' : unknown();
    case 'search-missing':
      if (note === 'no search form') return '首页未见站内搜索框';
      return note === 'the search form submits to a page answering HTTP 500' ? '站内搜索提交后，结果页 HTTP 500（服务器内部错误）' : unknown();
    case 'meta-tags-missing':
      if (note === 'absent from every page') return `抽查的 ${ctx.sampledPages} 个栏目页和内容页均缺少 ${e.target} 标签`;
      return note === 'absent from every article page' ? `抽查的栏目页和内容页中，内容页均缺少 ${e.target} 标签` : unknown();
    case 'domain-nonstandard':
      if ((m = /^(\S+) is not under \.gov\.cn$/.exec(note))) return `域名 ${m[1]} 不在 .gov.cn 下`;
      return note === 'the page header shows no site name' ? '首页页头未显示网站名称' : unknown();
    case 'ipv6-missing':
      if (note === 'AAAA records, but the home page does not answer over IPv6') return `${e.target} 有 AAAA 记录，但经 IPv6 无法打开首页`;
      return note === 'no AAAA record' ? `${e.target} 无 AAAA（IPv6）记录` : unknown();
    case 'ipv6-incomplete':
      return IPV6[note] ?? unknown();
    case 'accessibility-issues':
      return AXE[note] ?? ((m = /^the (\w+) template's <html> has no lang$/.exec(note)) ? '页面的 html 元素未声明语言（lang）' : unknown());
    case 'https-missing':
      return note === 'served over plain HTTP only (advice)' ? '首页仅通过 HTTP 提供，未启用 HTTPS（建议项，不扣分）' : unknown();
    default:
      return /\p{Script=Han}/u.test(note) ? note : unknown();
  }
}
