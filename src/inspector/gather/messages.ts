// Consultation channels (互动交流) and published messages (留言) read out of one page, and the
// messages of a whole crawl merged across list pages and each message's own page.
// Readers are pure over the loaded document and never change it (extract.ts removes scripts later).
import type { CheerioAPI } from 'cheerio';
import { hasChildren, isTag, type AnyNode, type Element, type Text } from 'domhandler';
import { findDates } from './dates.ts';
import { resolveLink } from './urls.ts';
import type { Node } from './page/node.ts';
import { baseHref, firstInside, having, named, parentsOf, textOf as textContentOf } from './page/elements.ts';
import { locator, type Locator } from './page/where.ts';
import type { Channel, MessageStatusKind, PageSnapshot, PublishedMessage, SeenMessage } from '../snapshot.ts';

type Elem = Element;

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
const bare = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** The page's base for relative links: <base href> when it has one. */
function baseOf($: CheerioAPI, pageUrl: string): string {
  return resolveLink(baseHref($), pageUrl) ?? pageUrl;
}

// ---------------------------------------------------------------------------------------------
// Channels

/**
 * Names of consultation channels. The national checklist asks for a working channel for letters,
 * 留言 or 咨询 (互动交流); 12345 hotlines count when they are linked as online forms.
 */
const CHANNEL = /信箱|咨询|留言|互动|问政|写信|12345/;
/**
 * 信访 is the petition system, not consultation (the national rule names it apart), and neither is
 * a 举报 box (纪检组举报信箱); a phone-number page or an e-mail address is no online channel; 在线访谈
 * is an interview; the rest keeps article titles out.
 */
const NOT_CHANNEL = /信访|举报|电话|电子信箱|邮箱|访谈|关于|问题|情况|通知|公告|会议|[，。！？、“”《》：:]/;
/** Channel links are short menu entries; 12345 ones carry a longer name (12345政务服务便民热线). */
const MAX_CHANNEL_NAME = 12;
const MAX_HOTLINE_NAME = 16;

/** Is this link text the name of a consultation channel? */
export function isChannelName(text: string): boolean {
  const name = bare(text);
  if (name.length < 2 || name.length > (name.includes('12345') ? MAX_HOTLINE_NAME : MAX_CHANNEL_NAME)) return false;
  return CHANNEL.test(name) && !NOT_CHANNEL.test(name);
}

/** Links to consultation channels (领导信箱, 在线咨询, 网上留言, 政民互动, 12345…), absolute, once per URL, in page order. */
export function readChannels($: CheerioAPI, pageUrl: string): Channel[] {
  const base = baseOf($, pageUrl);
  const out: Channel[] = [];
  const seen = new Set<string>();
  for (const a of named($, 'a', 'area')) {
    const href = a.attribs.href;
    if (href === undefined) continue;
    const text = squash(textContentOf(a)) || squash(firstInside(a, 'img', having('alt'))?.attribs.alt ?? '') || squash(a.attribs.title ?? a.attribs.alt ?? '');
    if (!isChannelName(text)) continue;
    const url = resolveLink(href, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ name: bare(text), url });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates in cells and after labels: the shared reader (dates.ts), after full-width digits.

const FULL_WIDTH = /[\uff10-\uff19\uff0d\uff0f\uff0e]/g;
const halfWidth = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * The first date of a short text (2026-10-02, 2026/10/2, 2026年10月2日, [10-02], with or without a
 * time, full-width digits too); a month-day date takes the latest year not after the as-of date.
 * `atStart`: the date must open the text (a value after a label), brackets and spaces aside.
 */
export function readDate(text: string, asOf: string, atStart = false): string | undefined {
  const s = halfWidth(text);
  const first = findDates(s, asOf)[0];
  if (!first) return undefined;
  if (atStart && first.index > /^[\s[［【（(]*/.exec(s)![0].length) return undefined;
  return first.date;
}

// ---------------------------------------------------------------------------------------------
// Labels of the fields of a published message, as header cells or before a colon.

const TITLE = /^(?:信件|留言|来信|咨询|问题|诉求|投诉|提问)?(?:标题|主题)$/;
const ASKED = /^(?:留言|提问|来信|咨询|写信|提交|来件|发信|投诉|诉求)(?:时间|日期)$/;
const ANSWERED = /^(?:答复|回复|办结|反馈)(?:时间|日期)$/;
const REPLIER = /^(?:答复|回复|办理|承办|处理|反馈)(?:单位|部门|机构)$/;
const STATUS = /^(?:(?:办理|回复|答复|处理|信件|受理)?状态|办理情况|回复情况|答复情况)$/;
const REPLY = /^(?:(?:答复|回复)(?:内容|意见)|办理(?:结果|意见)|处理(?:结果|意见))$/;
/** Other header cells of message lists (序号, 留言人, 类型, 点击…). */
const OTHER_HEADER = /^(?:序号|编号|信件编号|留言编号|查询码|留言人|来信人|提问人|姓名|网友|类型|类别|信件类型|留言类型|分类|浏览|浏览量|点击|点击数|人气|满意度|评价)$/;

/** The same labels anywhere in a text, followed by an optional colon (half- or full-width). */
const inline = (re: RegExp) => new RegExp(`(?:${re.source.slice(1, -1)})\\s*[:：]?\\s*`);
const ASKED_AT = inline(ASKED);
const ANSWERED_AT = inline(ANSWERED);
const REPLIER_AT = inline(REPLIER);
const STATUS_AT = /(?:办理|回复|答复|处理|信件|受理)状态\s*[:：]?\s*|(?:办理|回复|答复)情况\s*[:：]\s*|(?<![\u4e00-\u9fa5])状态\s*[:：]\s*/;
const REPLY_AT = inline(REPLY);
const TITLE_AT = /(?:信件|留言|来信|咨询|问题|诉求|投诉|提问)(?:标题|主题)\s*[:：]?\s*|(?<![\u4e00-\u9fa5])(?:标题|主题)\s*[:：]\s*/;
const CONTENT_AT = /(?:留言|来信|咨询|问题|诉求|信件|提问|反映|投诉)(?:内容|描述)\s*[:：]?\s*/;
/** Where a value after a label ends: the next label. */
const ANY_LABEL = new RegExp(
  [ASKED_AT, ANSWERED_AT, REPLIER_AT, STATUS_AT, REPLY_AT, TITLE_AT, CONTENT_AT].map((r) => r.source).join('|') + '|(?:留言|来信|提问)人\\s*[:：]',
);

/** A status badge: 已回复, [已办结], （办理中）… */
const STATUS_WORD = /^[[【（(]?(已回复|已答复|已办结|已处理|已反馈|已公开|未回复|未答复|未办结|未处理|待回复|待答复|待处理|待办理|办理中|处理中|受理中|已受理|已转办|转办中)[\]】）)]?$/;
/** Cell or value that says nothing. */
const PLACEHOLDER = /^(?:[-—–/\\／*]+|暂无|无|空|null|undefined)?$/i;
/** A reply field that says there is no reply yet; shown as the status. */
const NO_REPLY_YET = /^(?:暂未|尚未|暂无|未|待)(?:答复|回复|办结|处理)|^正在(?:办理|处理)|^办理中|^处理中/;

/** Labels without which a page shows no message (a cheap first look at every page). */
const MESSAGE_WORDS = new RegExp([ASKED, ANSWERED, REPLIER, STATUS, REPLY].map((r) => r.source.slice(1, -1)).join('|') + '|' + CONTENT_AT.source);

const headerText = (s: string) => bare(s).replace(/[:：]$/, '');
/** A reply field with a reply in it (not empty, not 暂未答复, not a status). */
const replyIn = (v: string | undefined) => v !== undefined && !PLACEHOLDER.test(v.trim()) && !NO_REPLY_YET.test(v.trim()) && !STATUS_WORD.test(bare(v));

/** Messages whose status says they were answered, not answered yet, or not valid (不予受理, 重复…). */
export function statusKind(status: string | undefined): MessageStatusKind | undefined {
  if (!status) return undefined;
  if (/不予受理|不受理|无效|重复|撤回|撤销|驳回/.test(status)) return 'invalid';
  if (/未|待|办理中|处理中|受理中|已受理|转办|正在/.test(status)) return 'unanswered';
  if (/已(?:回复|答复|办结|处理|反馈|公开)|办结|完成/.test(status)) return 'answered';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Visible text of an element, block boundaries as newlines; form controls and scripts left out.

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'button', 'head', 'title']);
const BLOCK = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'section', 'article', 'header', 'footer', 'nav', 'dd', 'dt', 'dl', 'form']);

function blockText(nodes: readonly DomNode[]): string {
  const parts: string[] = [];
  const walk = (ns: readonly DomNode[]) => {
    for (const n of ns) {
      if (n.type === 'text') parts.push(n.data ?? '');
      else if ((n.type === 'tag' || n.type === 'root') && n.children && !SKIP.has(n.name ?? '')) {
        const block = BLOCK.has(n.name ?? '');
        if (block) parts.push('\n');
        walk(n.children);
        if (block) parts.push('\n');
      }
    }
  };
  walk(nodes);
  return parts.join('').replace(/[ \t\u00a0\u3000\r]+/g, ' ').replace(/ ?\n[\n ]*/g, '\n').trim();
}
const textOf = (el: Elem) => blockText([el as unknown as DomNode]);

/** An element that may be an item, inside an element whose text blockText leaves out (a template's content too). */
function itemOutsideText($: CheerioAPI): boolean {
  return named($, ...ITEM_TAGS).some((el) => {
    for (let p = el.parent; p; p = p.parent) if (isTag(p) && SKIP.has(p.name)) return true;
    return false;
  });
}

/** The value after the first label of `re` in `text`, up to the next label. */
function after(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index + m[0].length);
  const next = ANY_LABEL.exec(rest);
  return rest.slice(0, next ? next.index : undefined);
}

/** How many times a label of `re` is followed by a date. */
function datedLabels(text: string, re: RegExp, asOf: string): number {
  let n = 0;
  for (const m of text.matchAll(new RegExp(re.source, 'g'))) if (readDate(text.slice(m.index + m[0].length, m.index + m[0].length + 24), asOf, true)) n++;
  return n;
}

/** A short one-line value: up to a separator, a line end or a space. */
const word = (v: string | undefined) => {
  const w = v?.split(/[\n|｜；;]/)[0]?.trim().split(' ')[0] ?? '';
  return PLACEHOLDER.test(w) ? undefined : w;
};

/** A message object with its fields in a fixed order and no undefined ones. */
function message(f: { title: string; url?: string | undefined; asked?: string | undefined; answered?: string | undefined; replier?: string | undefined; replyShown: boolean; status?: string | undefined; where?: PublishedMessage['where'] }): PublishedMessage {
  return {
    title: f.title,
    ...(f.url ? { url: f.url } : {}),
    ...(f.asked ? { asked: f.asked } : {}),
    ...(f.answered ? { answered: f.answered } : {}),
    ...(f.replier ? { replier: f.replier } : {}),
    replyShown: f.replyShown,
    ...(f.status ? { status: f.status } : {}),
    ...(f.where ? { where: f.where } : {}),
  };
}

/** Where a message's row or item is, named by the message's title. */
const rowWhere = (loc: Locator, row: Elem, title: string) => loc.where(row as unknown as Node, title);

/** The subject link of a row or item: the one with the longest text, its title attribute when the text is cut short. */
function subjectLink($: CheerioAPI, el: Elem, base: string): { title: string; url?: string } | undefined {
  let best: { title: string; url?: string } | undefined;
  $(el).find('a').each((_, a) => {
    const $a = $(a);
    let title = squash($a.text());
    const full = squash($a.attr('title') ?? '');
    if (full && (title === '' || /(…|\.{2,})$/.test(title))) title = full;
    if (title.length < 2 || STATUS_WORD.test(title) || /^(?:详情|查看|更多|回复|点击查看|\[?详细\]?)$/.test(title)) return;
    if (!best || title.length > best.title.length) {
      const url = resolveLink($a.attr('href'), base);
      best = url ? { title, url } : { title };
    }
  });
  return best;
}

/** A status badge among the descendants of a row or item. */
function statusBadge($: CheerioAPI, el: Elem): string | undefined {
  let found: string | undefined;
  $(el).find('*').each((_, c) => {
    const t = bare($(c).text());
    if (!found && STATUS_WORD.test(t)) found = t;
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// Lists with a header row: <table> rows, or <li>/<div> rows of <span> cells.

type Column = 'title' | 'asked' | 'answered' | 'replier' | 'status' | 'reply';
const COLUMNS: Array<[Column, RegExp]> = [['title', TITLE], ['asked', ASKED], ['answered', ANSWERED], ['replier', REPLIER], ['status', STATUS], ['reply', REPLY]];

const cellsOf = (row: Elem): Elem[] => row.children.filter((c): c is Elem => isTag(c) && (row.name !== 'tr' || c.name === 'th' || c.name === 'td'));

/** The longest header cell text (bare, a colon after it) that a header label can be. */
const MAX_HEADER = 8;

/**
 * A cell's text as a header label (bare, without a trailing colon), or undefined when it is too long to
 * be one: its text nodes are read only until they are longer than any label.
 */
function headerCellText(cell: Elem): string | undefined {
  let s = '';
  const stack: AnyNode[] = [cell];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      s += bare((n as Text).data);
      if (s.length > MAX_HEADER) return undefined;
    } else if (hasChildren(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return headerText(s);
}

/** Column positions when `row` is a header row of a message list. */
function headerColumns(row: Elem): Map<Column, number> | undefined {
  const cells = cellsOf(row);
  if (cells.length < 2 || cells.length > 12) return undefined;
  const cols = new Map<Column, number>();
  for (const [i, cell] of cells.entries()) {
    const t = headerCellText(cell);
    // Longer than any label: no header cell.
    if (t === undefined) return undefined;
    if (t === '') continue;
    const col = COLUMNS.find(([, re]) => re.test(t))?.[0];
    if (col && !cols.has(col)) cols.set(col, i);
    else if (!col && !OTHER_HEADER.test(t)) return undefined;
  }
  const specific = cols.has('asked') || cols.has('answered') || cols.has('replier') || cols.has('status');
  return cols.has('title') && specific ? cols : undefined;
}

/** Data rows that follow a header row. */
function rowsAfter($: CheerioAPI, header: Elem): Elem[] {
  if (header.tagName === 'tr') {
    const table = $(header).closest('table')[0];
    if (!table) return [];
    const own = $(table).find('tr').toArray().filter((r) => $(r).closest('table')[0] === table);
    return own.slice(own.indexOf(header) + 1);
  }
  const same = $(header).nextAll(header.tagName).toArray();
  if (same.length > 0) return same;
  return $(header).next().children().toArray();
}

function readHeaderLists($: CheerioAPI, base: string, asOf: string, used: Set<Elem>, loc: Locator): PublishedMessage[] {
  const out: PublishedMessage[] = [];
  for (const header of named($, 'tr', 'li', 'div', 'dl', 'p')) {
    if (used.has(header)) continue;
    const cols = headerColumns(header);
    if (!cols) continue;
    const need = Math.max(...cols.values()) + 1;
    for (const row of rowsAfter($, header)) {
      const cells = cellsOf(row);
      if (cells.length < need || headerColumns(row)) continue;
      const cell = (c: Column) => {
        const i = cols.get(c);
        return i === undefined ? undefined : cells[i];
      };
      const text = (c: Column) => {
        const el = cell(c);
        return el ? squash($(el).text()) : undefined;
      };
      const link = subjectLink($, cell('title')!, base);
      const title = link?.title ?? text('title') ?? '';
      if (title === '' || PLACEHOLDER.test(title)) continue;
      used.add(row);
      const asked = text('asked');
      const answered = text('answered');
      const replier = text('replier');
      const status = text('status');
      const reply = text('reply');
      out.push(message({
        title,
        url: link?.url,
        asked: asked ? readDate(asked, asOf) : undefined,
        answered: answered ? readDate(answered, asOf) : undefined,
        replier: replier && !PLACEHOLDER.test(replier) ? replier : undefined,
        replyShown: replyIn(reply),
        status: (status && !PLACEHOLDER.test(status) ? status : undefined) ?? statusBadge($, row),
        where: rowWhere(loc, row, title),
      }));
    }
    used.add(header);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// List items with labelled fields: <li><a>…</a><span>留言时间：2026-10-02</span><span>答复时间：…</span></li>

/** Elements that may be a message item with labelled fields. */
const ITEM_TAGS = ['li', 'dl', 'dd', 'tr', 'div', 'section', 'article', 'p', 'td'];

function readLabelledItems($: CheerioAPI, base: string, asOf: string, used: Set<Elem>, loc: Locator, pageText: string): PublishedMessage[] {
  // An item's text is a part of the page's, so its labels are in the page's text too, unless it stands
  // where the page's text is not read (in a button or a template). Most pages have neither, and their
  // elements are not read one by one.
  if (!ASKED_AT.test(pageText) && !ANSWERED_AT.test(pageText) && !itemOutsideText($)) return [];
  const qualifying: Elem[] = [];
  for (const el of named($, ...ITEM_TAGS)) {
    const text = textOf(el);
    if (text.length > 2000) continue;
    const asked = datedLabels(text, ASKED_AT, asOf);
    const answered = datedLabels(text, ANSWERED_AT, asOf);
    if (asked + answered === 0 || asked > 1 || answered > 1) continue;
    if (!subjectLink($, el, base)) continue;
    qualifying.push(el);
  }
  // The innermost item that holds both the link and the labels.
  const outer = new Set<Elem>();
  for (const el of qualifying) for (const p of parentsOf(el)) outer.add(p);
  const out: PublishedMessage[] = [];
  for (const el of qualifying) {
    if (outer.has(el) || used.has(el) || parentsOf(el).some((p) => used.has(p))) continue;
    used.add(el);
    const text = textOf(el);
    const link = subjectLink($, el, base)!;
    const askedAt = after(text, ASKED_AT);
    const answeredAt = after(text, ANSWERED_AT);
    out.push(message({
      title: link.title,
      url: link.url,
      asked: askedAt === undefined ? undefined : readDate(askedAt, asOf, true),
      answered: answeredAt === undefined ? undefined : readDate(answeredAt, asOf, true),
      replier: word(after(text, REPLIER_AT)),
      replyShown: replyIn(after(text, REPLY_AT)),
      status: word(after(text, STATUS_AT)) ?? statusBadge($, el),
      where: rowWhere(loc, el, link.title),
    }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A message's own page: 留言内容 … 答复内容 …

function readDetail($: CheerioAPI, text: string, pageUrl: string, asOf: string): PublishedMessage | undefined {
  const contents = [...text.matchAll(new RegExp(CONTENT_AT.source, 'g'))].length;
  if (contents !== 1 || datedLabels(text, ASKED_AT, asOf) > 1) return undefined;
  const askedAt = after(text, ASKED_AT);
  const asked = askedAt === undefined ? undefined : readDate(askedAt, asOf, true);
  const replyAt = after(text, REPLY_AT);
  // A write-a-letter form also says 留言内容; a published message shows its date or a reply field.
  if (!asked && replyAt === undefined) return undefined;
  const reply = replyAt?.trim();
  const answeredAt = after(text, ANSWERED_AT);
  const labelledTitle = after(text, TITLE_AT)?.split('\n')[0]?.trim();
  const pageTitle = squash($('title').first().text()).split(/[_|｜]| - /)[0]?.trim();
  const title = labelledTitle || squash($('meta[name="ArticleTitle" i]').attr('content') ?? '') || pageTitle || '';
  const statusAt = word(after(text, STATUS_AT));
  return message({
    title,
    url: pageUrl,
    asked,
    answered: answeredAt === undefined ? undefined : readDate(answeredAt, asOf, true),
    replier: word(after(text, REPLIER_AT)),
    replyShown: replyIn(reply),
    status: statusAt ?? (reply && NO_REPLY_YET.test(reply) ? word(reply) : undefined),
  });
}

/**
 * Published messages on a board list page (a table or list with a header row, or items with
 * labelled dates) or on a message's own page. Fields are filled only as the page shows them.
 */
export function readMessages($: CheerioAPI, pageUrl: string, asOf: string): PublishedMessage[] {
  const text = blockText($.root().toArray() as unknown as DomNode[]);
  // Most pages are no board: one look at the text spares them the element-by-element reading.
  if (!MESSAGE_WORDS.test(text)) return [];
  const base = baseOf($, pageUrl);
  const used = new Set<Elem>();
  const loc = locator($);
  const listed = [...readHeaderLists($, base, asOf, used, loc), ...readLabelledItems($, base, asOf, used, loc, text)];
  if (listed.length === 0) {
    const own = readDetail($, text, pageUrl, asOf);
    return own ? [own] : [];
  }
  const seen = new Set<string>();
  return listed.filter((m) => {
    const key = `${m.url ?? m.title}\u0000${m.asked ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// A crawl's messages, merged

/**
 * Every published message of a crawl, once: a message listed on a board and read on its own page
 * is merged, its own page's values first. In page order.
 */
export function collectMessages(pages: readonly PageSnapshot[]): SeenMessage[] {
  const byKey = new Map<string, { firstPage: string; lists: Array<{ page: string; m: PublishedMessage }>; own: PublishedMessage[] }>();
  for (const p of pages) {
    for (const m of p.facts.messages) {
      const own = m.url !== undefined && (m.url === p.url || m.url === p.finalUrl);
      const key = m.url ?? `${p.url}\u0000${m.title}\u0000${m.asked ?? ''}`;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { firstPage: p.url, lists: [], own: [] };
        byKey.set(key, entry);
      }
      if (own) entry.own.push(m);
      else entry.lists.push({ page: p.url, m });
    }
  }
  const read = new Set(pages.flatMap((p) => [p.url, p.finalUrl]));
  return [...byKey.values()].map(({ firstPage, lists, own }) => {
    const views = [...own, ...lists.map((l) => l.m)];
    const first = <K extends keyof PublishedMessage>(k: K) => views.find((v) => v[k] !== undefined)?.[k];
    const url = first('url');
    const ownPageRead = own.length > 0 || (url !== undefined && read.has(url));
    const merged = message({
      title: views.find((v) => v.title !== '')?.title ?? '',
      url,
      asked: first('asked'),
      answered: first('answered'),
      replier: first('replier'),
      replyShown: views.some((v) => v.replyShown),
      status: first('status'),
      // Its row on the board it is named by (the finding's page); none when only its own page showed it.
      where: lists[0]?.m.where,
    });
    const kind = statusKind(merged.status);
    return { ...merged, board: lists[0]?.page ?? firstPage, complete: ownPageRead || url === undefined, ownPageRead, ...(kind ? { statusKind: kind } : {}) };
  });
}
