// The wording-error checker (错敏字): every dictionary entry looked for in one pass over a page's visible text.
//
// How a match is decided, in this order:
// 1. Candidates. All entries are bucketed by their first two characters (UTF-16 units; every wrong
//    form has at least two): a table indexed by the first unit holds a small Map keyed by the second
//    (small integer keys: V8 hashes them fast). One pass over the text looks up each position; most
//    positions stop at an empty table slot.
// 2. Leftmost-longest. At a position the longest wrong form that matches decides, and its span is
//    consumed whether or not it is then reported: 习近平新时代中国特色社会主意思想 is one finding,
//    not also 社会主意; a suppressed 原国家卫生计生委 does not leave 卫生计生委 inside it to fire.
// 3. Allowed words. An entry's `allow` lists correct words that contain the wrong form (按装修 for
//    按装, 发布署名 for 布署); a match that lies inside an allowed word at that position is no error.
// 4. Word boundary. Chinese has no spaces, so a boundary is judged from the neighbouring characters:
//    - right side, every entry: a wrong form ending in an institution suffix that the next character
//      turns into another word is that other word (农业部|门, 环境保护部|门, 农业部|分, 农业局|面);
//    - left side, short reformed names (three characters or fewer, e.g. 农业部, 文化部, 卫生部): these
//      are real words inside longer names (企业文化部, 公共卫生部, 纪检监察部), so they count only
//      after a non-Han character or a character that introduces a name (国, 省, 市, 县, 由, 经, 和…).
//    Short typo forms (攻府, 布署) are not real words, so they have no left-side rule; the rare
//    straddles of two real words (进攻|府城, 发布|署名) are listed in their `allow`.
// 5. Historical mention, category `reformed` only. A name abolished by a reform is correct when it
//    speaks of the past, or was not yet abolished:
//    - the page was published, or the check is as of a date, in or before the reform year;
//    - the name is preceded by 原 / 前 / 将 / 不再保留 / 撤销…, or its sentence tells the reform or a
//      career (更名, 撤销, 组建, 整合, 划入, 历任…, or 的职责 just after the name);
//    - its sentence, or the list item's own date (at the end of a short line, or alone on the line
//      just before or after), carries a year up to the reform year (2016年, 2008.03—2013.03, 2017-12-25);
//    - it is inside a document title 《…》 (an old document cited by its real title);
//    - it continues an enumeration (、 和 及 与) of such mentions: 原国家工商行政管理总局、国家质量….
//    The reform year is the first year (19xx or 20xx) written in the entry's `note`.
//
// Whitespace and width: matching is on the text as given. A wrong form broken by a space or a newline
// is not found: the visible text has a newline at every block boundary, and joining across it would
// glue the end of one item to the start of the next (a false finding is worse than a missed one).
// Full-width/half-width needs nothing: every wrong form is Han text, which has no width variants.
import type { Dictionary, TypoEntry } from '../../schemas/dictionary.ts';

/** A wording error found in a text. */
export interface TypoMatch {
  entry: TypoEntry;
  /** The wrong text as it appears. */
  found: string;
  /** Offset in the text, in UTF-16 units. */
  index: number;
  /** About 12 characters either side, whitespace shown as one space, … where cut. */
  context: string;
}

/** What the checker knows about the text besides its characters. */
export interface TypoOptions {
  /** Publication date of the page (YYYY-MM-DD…): a reformed name on a page published in or before the reform year is history. */
  published?: string;
  /** The as-of date of the check (YYYY-MM-DD): a reform in or after its year is not yet looked for, so old checks stay reproducible. */
  asOf?: string;
}

/** One entry prepared for scanning. */
interface CompiledEntry {
  entry: TypoEntry;
  wrong: string;
  /** Allowed words, each with an offset of the wrong form inside it. */
  allow: ReadonlyArray<{ word: string; at: number }>;
  /** Three characters or fewer: a short reformed name needs a left boundary. */
  short: boolean;
  /** Reform year from the note, for reformed entries. */
  reformYear?: number;
}

/** A dictionary compiled for scanning; build it with compileDictionary. */
export interface TypoMatcher {
  /** Dictionary version, e.g. 2026.11. */
  readonly version: string;
  /** Number of entries. */
  readonly size: number;
  /** By the first code unit, then the second: the entries starting with them, longest first. */
  readonly buckets: ReadonlyArray<ReadonlyMap<number, readonly CompiledEntry[]> | undefined>;
}

/**
 * Characters that, after an institution suffix, make the suffix the start of another word: the
 * wrong form then ends inside a word (国土资源部门 are land departments, not the ministry).
 * 部长, 部属, 部委托 are not here: 农业部部长 still names the old ministry.
 */
const CONTINUES: Readonly<Record<string, string>> = {
  部: '门分署位队件落首',
  局: '面势限促',
  办: '理法事学案',
};

/** Characters after which a short reformed name stands as a name: 中华人民共和国卫生部, 省卫计委, 经文化部批准. */
const INTRODUCERS = new Set('国家省市县区州盟旗镇乡原前的在和与及同由向对从经据将把被为是给按请赴到至于或并即年月日号称'.split(''));

/** Sentence ends: a historical clue must be in the same sentence as the name. */
const SENTENCE_END = /[。！？；!?;\n]/;
/** Directly before the name: 原农业部, 原国家旅游局, 前卫生部部长, 将国土资源部的职责 (not 目前, 当前). */
const ORIGINAL_BEFORE = /(?:原|(?<![目当提眼])前|将)(?:中华人民共和国|国家|[\u4e00-\u9fa5]{0,8}(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区))?$/;
/** Anywhere in the sentence before the name: it is told as part of a reform or a career. */
const EVENT = /更名|改名|改为|撤销|撤并|组建|不再保留|整合|合并|划入|划转|机构改革|改革前|曾任|历任|时任|曾在/;
/** Shortly after the name: 国土资源部的职责, 国家旅游局更名为…, 监察部撤销. */
const EVENT_AFTER = /职责|更名|改名|改为|撤销|撤并|不再保留|整合|合并|划入|划转/;
/** A year followed by 年, a month, a range or a closing bracket of a document number. */
const YEAR = /(?<!\d)((?:19|20)\d{2})(?=\s*(?:年|[-./—–~～至〕\]）)]))/g;
/** Separators of an enumeration of names. */
const ENUMERATION = /^[、，,和及与\s]*(?:原|以及)?$/;

const cache = new WeakMap<Dictionary, TypoMatcher>();

/**
 * Compile a dictionary once; the result is cached per dictionary object, so rules may call this for
 * every site. Throws on a dictionary that cannot work as intended: a wrong form listed twice, or an
 * allowed word that does not contain its wrong form.
 */
export function compileDictionary(d: Dictionary): TypoMatcher {
  const cached = cache.get(d);
  if (cached) return cached;
  const buckets: Array<Map<number, CompiledEntry[]> | undefined> = new Array(65536).fill(undefined);
  const seen = new Set<string>();
  for (const entry of d.entries) {
    const wrong = entry.wrong;
    if (seen.has(wrong)) throw new Error(`dictionary: wrong form ${wrong} is listed twice`);
    seen.add(wrong);
    const allow: Array<{ word: string; at: number }> = [];
    for (const word of entry.allow ?? []) {
      if (!word.includes(wrong)) throw new Error(`dictionary: allowed word ${word} does not contain ${wrong}`);
      for (let at = word.indexOf(wrong); at >= 0; at = word.indexOf(wrong, at + 1)) allow.push({ word, at });
    }
    const year = entry.category === 'reformed' ? /(?:19|20)\d{2}/.exec(entry.note ?? '')?.[0] : undefined;
    const compiled: CompiledEntry = { entry, wrong, allow, short: wrong.length <= 3, ...(year ? { reformYear: Number(year) } : {}) };
    const byFirst = (buckets[wrong.charCodeAt(0)] ??= new Map<number, CompiledEntry[]>());
    const list = byFirst.get(wrong.charCodeAt(1)) ?? [];
    list.push(compiled);
    list.sort((a, b) => b.wrong.length - a.wrong.length);
    byFirst.set(wrong.charCodeAt(1), list);
  }
  const matcher: TypoMatcher = { version: d.version, size: d.entries.length, buckets };
  cache.set(d, matcher);
  return matcher;
}

/** Every wording error in a text, in text order. Pure; see the head of this file for what counts. */
export function findTypos(matcher: TypoMatcher, text: string, options: TypoOptions = {}): TypoMatch[] {
  const out: TypoMatch[] = [];
  const { buckets } = matcher;
  const published = yearOf(options.published);
  const asOf = yearOf(options.asOf);
  // The year the text speaks from: a page cannot speak from after the check, whatever date it shows.
  const textYear = published !== undefined && asOf !== undefined ? Math.min(published, asOf) : (published ?? asOf);
  // End of the last reformed name told as history, for enumerations (原甲、乙和丙).
  let historyEnd = -1;
  const last = text.length - 1;
  for (let i = 0; i < last; i++) {
    const byFirst = buckets[text.charCodeAt(i)];
    if (byFirst === undefined) continue;
    const list = byFirst.get(text.charCodeAt(i + 1));
    if (list === undefined) continue;
    let hit: CompiledEntry | undefined;
    for (const e of list) {
      if (text.startsWith(e.wrong, i)) {
        hit = e;
        break;
      }
    }
    if (!hit) continue;
    const end = i + hit.wrong.length;
    if (!allowed(hit, text, i) && atBoundary(hit, text, i, end)) {
      if (hit.entry.category === 'reformed' && historical(hit, text, i, end, textYear, historyEnd)) historyEnd = end;
      else out.push({ entry: hit.entry, found: hit.wrong, index: i, context: contextAt(text, i, end) });
    }
    i = end - 1;
  }
  return out;
}

/** The year of a date written YYYY…, if it is one. */
const yearOf = (date: string | undefined) => (date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : undefined);

/** The match lies inside one of the entry's allowed words. */
function allowed(e: CompiledEntry, text: string, i: number): boolean {
  return e.allow.some(({ word, at }) => i >= at && text.startsWith(word, i - at));
}

const isHan = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);

/** The match is a word of its own, not part of a longer one (head of the file, step 4). */
function atBoundary(e: CompiledEntry, text: string, i: number, end: number): boolean {
  const next = text[end];
  const continues = CONTINUES[e.wrong[e.wrong.length - 1]!];
  if (next !== undefined && continues?.includes(next)) return false;
  if (e.short && e.entry.category === 'reformed' && i > 0) {
    const prev = text[i - 1]!;
    if (isHan(prev.charCodeAt(0)) && !INTRODUCERS.has(prev)) return false;
  }
  return true;
}

/** A reformed name that speaks of the past (head of the file, step 5). */
function historical(e: CompiledEntry, text: string, i: number, end: number, textYear: number | undefined, historyEnd: number): boolean {
  const year = e.reformYear;
  if (year !== undefined && textYear !== undefined && textYear <= year) return true;
  if (historyEnd >= 0 && historyEnd <= i && ENUMERATION.test(text.slice(historyEnd, i))) return true;
  const before = sentenceBefore(text, i, 30);
  const after = sentenceAfter(text, end, 12);
  if (ORIGINAL_BEFORE.test(before) || EVENT.test(before) || EVENT_AFTER.test(after)) return true;
  const line = lineBefore(text, i);
  if (line.lastIndexOf('《') > line.lastIndexOf('》')) return true;
  if (year !== undefined) {
    const dated = `${before}\u0000${after}\u0000${itemDates(text, i, end)}`;
    for (const m of dated.matchAll(YEAR)) if (Number(m[1]) <= year) return true;
  }
  return false;
}

/** A date alone on its line, as list pages print an item's date in a cell of its own. */
const DATE_LINE = /^[[(（【]?(?:19|20)\d{2}(?:[-./年]\d{1,2}){1,2}日?[\])）】]?$/;
/** A date closing a list item's line: 西安市国土资源局关于…的通知 2017-12-25. */
const DATE_END = /(?:19|20)\d{2}(?:[-./年]\d{1,2}){1,2}日?[\])）】]?$/;
/** A document number alone on its line, as a list of decisions prints it in a cell: 银保监发〔2021〕5号. */
const DOC_NUMBER_LINE = /^[\u4e00-\u9fa5A-Za-z]{1,16}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,5}\s*号$/;
/** A document number inside a title, after the name: 关于…的通知（银保监发〔2021〕80号）. */
const DOC_NUMBER_IN = /[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]\s*\d{1,5}\s*号/;
/** Longest line read as a list item rather than a paragraph. */
const ITEM_LINE = 100;

/** A line that is an item's date or document number, the cells of a row beside its title. */
const isItemCell = (l: string) => DATE_LINE.test(l) || DOC_NUMBER_LINE.test(l);

/**
 * The dates and document numbers of the list item holding the match: a date at the end of its line
 * and a document number after the match on it when the line is short, or the cells alone on the
 * lines just before or after it, two deep when the first is a cell too (title, 文号, date in a row
 * of a table).
 */
function itemDates(text: string, i: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd).trim();
  // The two lines before and the two after, found without splitting the whole text.
  const before: string[] = [];
  for (let end0 = lineStart - 1; end0 > 0 && before.length < 2; ) {
    const start = text.lastIndexOf('\n', end0 - 1) + 1;
    before.push(text.slice(start, end0).trim());
    end0 = start - 1;
  }
  const after: string[] = [];
  for (let start = lineEnd + 1; start <= text.length && after.length < 2 && lineEnd < text.length; ) {
    const stop = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    after.push(text.slice(start, stop).trim());
    start = stop + 1;
  }
  const cells = (lines: string[]) => (isItemCell(lines[0] ?? '') ? lines.slice(0, isItemCell(lines[1] ?? '') ? 2 : 1) : []);
  const found = [...cells(before), ...cells(after)];
  if (line.length <= ITEM_LINE) {
    found.push(DATE_END.exec(line)?.[0] ?? '');
    // The item's own document number, later on its line (a title ending in its 文号).
    found.push(DOC_NUMBER_IN.exec(text.slice(end, lineEnd))?.[0] ?? '');
  }
  return found.join('\u0000');
}

/** Up to max characters before i, back to the start of the sentence. */
function sentenceBefore(text: string, i: number, max: number): string {
  const s = text.slice(Math.max(0, i - max), i);
  let cut = -1;
  for (let k = s.length - 1; k >= 0; k--) {
    if (SENTENCE_END.test(s[k]!)) {
      cut = k;
      break;
    }
  }
  return s.slice(cut + 1);
}

/** Up to max characters from end, up to the end of the sentence. */
function sentenceAfter(text: string, end: number, max: number): string {
  const s = text.slice(end, end + max);
  const cut = s.search(SENTENCE_END);
  return cut < 0 ? s : s.slice(0, cut);
}

/** The line before i, up to 200 characters (for an open 《). */
function lineBefore(text: string, i: number): string {
  const s = text.slice(Math.max(0, i - 200), i);
  return s.slice(s.lastIndexOf('\n') + 1);
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** About width characters either side of a match, whitespace as one space, … where cut. */
export function contextAt(text: string, start: number, end: number, width = 12): string {
  let a = Math.max(0, start - width);
  let b = Math.min(text.length, end + width);
  if (a > 0 && isLowSurrogate(text.charCodeAt(a))) a--;
  if (b < text.length && isLowSurrogate(text.charCodeAt(b))) b++;
  const middle = text.slice(a, b).replace(/\s+/g, ' ').trim();
  return `${a > 0 ? '…' : ''}${middle}${b < text.length ? '…' : ''}`;
}
