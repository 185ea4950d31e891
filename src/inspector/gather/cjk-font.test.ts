import { describe, expect, test } from 'vitest';
import { cjkFontFaces, cjkFontFile, FONT_ORIGIN } from './cjk-font.ts';

describe('the CJK font for screenshots', () => {
  test('its faces point at the made-up origin, and each file they name is served', () => {
    const css = cjkFontFaces();
    const files = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(90);
    expect(files.every((u) => u.startsWith(`${FONT_ORIGIN}/noto-sans-sc-`))).toBe(true);
    expect(css).not.toContain('./files/');
    const first = cjkFontFile(new URL(files[0]!).pathname);
    // woff2's signature.
    expect(first?.subarray(0, 4).toString('latin1')).toBe('wOF2');
  });

  test('nothing but the package’s font files is served', () => {
    for (const path of ['/../index.css', '/../../../package.json', '/noto-sans-sc-1-wght-normal.woff2/../x', '/index.css', '/']) expect(cjkFontFile(path)).toBeUndefined();
  });
});
