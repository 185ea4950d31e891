// Chinese text in the site search, one character to a word on both sides of the index.
//
// Pagefind 1.5 cuts Chinese into words twice, differently: when indexing (jieba: 汉|沙区|教育|局)
// and in the browser when searching (Intl.Segmenter: 汉|沙|区|教育局). The words then disagree and
// a site is not found by its own name (6 of the demo's 24 names; Pagefind issue #1237). So the
// index gets every Han character as a word of its own, and a query becomes the exact phrase of its
// characters: a substring match, as people expect from a search box over names and notices.

const HAN_BEFORE_HAN = /(\p{Script=Han})(?=\p{Script=Han})/gu;
const HAN = /\p{Script=Han}/u;

/** Invisible separator put between two Han characters of the indexed copy; also what Pagefind puts between words. */
export const WORD_SEPARATOR = '\u200b';

/**
 * The HTML Pagefind indexes: every two adjacent Han characters in text split by U+200B, tags and
 * their attributes untouched. Only the indexed copy changes; the pages served are the build's own.
 */
export function separateHanCharacters(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(HAN_BEFORE_HAN, `$1${WORD_SEPARATOR}`)))
    .join('');
}

/**
 * The query Pagefind runs for what was typed: Han characters as separate words, and a single
 * term containing Chinese quoted, so that Pagefind looks for those characters in that order
 * (汉沙区教育局 → "汉 沙 区 教 育 局"). Several terms are searched each character anywhere,
 * since Pagefind has one phrase per query. Input without Chinese is left as typed.
 */
export function searchTerm(input: string): string {
  const typed = input.trim().replace(/\s+/g, ' ');
  if (!HAN.test(typed)) return typed;
  const quoted = /^".*"$/.test(typed);
  const inner = quoted ? typed.slice(1, -1).trim() : typed;
  const words = inner.replace(HAN_BEFORE_HAN, '$1 ');
  return quoted || !inner.includes(' ') ? `"${words}"` : words;
}

/** Display text of indexed text (a result's title): without the separators the index added. */
export function withoutSeparators(text: string): string {
  return text.replaceAll(WORD_SEPARATOR, '');
}
