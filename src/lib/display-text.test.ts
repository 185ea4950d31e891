import { describe, expect, test } from 'vitest';
import { LONG_TEXT, shownText, TEXT_HEAD, visibleControls } from './display-text.ts';

describe('text from the sites as the portal shows it', () => {
  test('bidirectional overrides, embeddings, isolates and marks are shown, not obeyed', () => {
    expect(visibleControls('invoice\u202Egpj.exe')).toBe('invoice⟦U+202E⟧gpj.exe');
    expect(visibleControls('\u2066a\u2069\u200F\u061C')).toBe('⟦U+2066⟧a⟦U+2069⟧⟦U+200F⟧⟦U+061C⟧');
    // Right-to-left text itself is left alone: <bdi> isolates it.
    expect(visibleControls('مرحبا 你好')).toBe('مرحبا 你好');
  });

  test('text up to the limit is whole; longer text gets a head, counted in characters not UTF-16 units', () => {
    const short = '咨询'.repeat(LONG_TEXT / 2);
    expect(shownText(short)).toEqual({ whole: short, length: LONG_TEXT });
    const long = '𠀀'.repeat(20_000);
    const t = shownText(long);
    expect(t.length).toBe(20_000);
    expect([...t.head!]).toHaveLength(TEXT_HEAD);
    expect(t.whole).toBe(long);
  });
});
