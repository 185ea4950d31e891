// Text from crawled pages and from the sites (targets, evidence, replies) as the portal shows it:
// bidirectional controls made visible, so that a right-to-left override (U+202E) cannot reorder
// what a reader sees, and very long text cut to a head, the whole of it one click away.

/** Bidirectional formatting characters: embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text with every bidirectional control shown as ⟦U+202E⟧ instead of acting. */
export function visibleControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `⟦U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟧`);
}

/** Text longer than this is cut in tables and lists. */
export const LONG_TEXT = 200;
/** How much of a long text is shown before it is opened. */
export const TEXT_HEAD = 120;

/** The text to show: whole, or its head and the number of characters (code points) of the whole. */
export function shownText(text: string): { whole: string; head?: string; length: number } {
  const whole = visibleControls(text);
  const chars = [...whole];
  if (chars.length <= LONG_TEXT) return { whole, length: chars.length };
  return { whole, head: chars.slice(0, TEXT_HEAD).join(''), length: chars.length };
}
