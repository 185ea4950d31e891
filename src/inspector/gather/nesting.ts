// A page nested deeper than any real page (20,000 <div>s, written to break parsers) is flattened
// before it is parsed: the readers walk the tree recursively, as do cheerio's text and serializer, and
// would run out of stack. Real government pages nest a few dozen levels; 256 leaves them untouched.
// Pure, one pass over the tags, and the text itself is never changed.

/**
 * Deeper than this, opening tags (and their closing tags) are dropped, their content kept; links,
 * forms, frames and scripts are kept a little deeper still.
 */
export const MAX_NESTING = 256;

const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;
/** Elements that never hold others. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements the readers need as such (links, forms, frames): kept a little past the limit. */
const MEANINGFUL = new Set(['a', 'form', 'select', 'option', 'button', 'label', 'iframe', 'frame', 'object', 'script', 'style', 'textarea', 'title', 'noscript', 'template', 'svg']);
/** How far past the limit meaningful elements are kept. */
const MEANINGFUL_SLACK = 16;
/** Elements whose content is text, where a tag is not a tag. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

/** The HTML with every element nested deeper than `max` unwrapped; the same string when none is. */
export function limitNesting(html: string, max = MAX_NESTING): string {
  // A page with fewer opening tags than the limit cannot nest deeper than it.
  let opens = 0;
  for (let i = html.indexOf('<'); i >= 0 && opens <= max; i = html.indexOf('<', i + 1)) if (html.charCodeAt(i + 1) !== 47) opens++;
  if (opens <= max) return html;

  const out: string[] = [];
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  let last = 0;
  let changed = false;
  const lower = html.toLowerCase();
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const [whole, closing, rawName, selfClosing] = m;
    const name = rawName!.toLowerCase();
    let keep = true;
    if (closing) {
      const pending = dropped.get(name) ?? 0;
      if (pending > 0 && stack[stack.length - 1] !== name) {
        dropped.set(name, pending - 1);
        keep = false;
      } else {
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
      }
    } else if (!VOID.has(name) && !selfClosing) {
      if (stack.length >= max + (MEANINGFUL.has(name) ? MEANINGFUL_SLACK : 0)) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        keep = false;
      } else {
        stack.push(name);
        if (RAW.has(name)) {
          // Skip to the raw element's end: what is inside is text.
          const end = lower.indexOf(`</${name}`, TAG.lastIndex);
          TAG.lastIndex = end < 0 ? html.length : end;
        }
      }
    }
    if (!keep) {
      out.push(html.slice(last, m.index));
      last = m.index + whole.length;
      changed = true;
    }
  }
  if (!changed) return html;
  out.push(html.slice(last));
  return out.join('');
}
