import { expect, test } from 'vitest';
import { extractPage } from './extract.ts';
import { limitNesting } from './nesting.ts';
import { REAL_PAGES, realHtml, realLabels } from './real-pages.test-helpers.ts';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';

test('a page nested 20,000 deep is flattened below the limit and read, its text kept', () => {
  const html = `<html><body>${'<div>'.repeat(20_000)}深处<a href="/x.html">链接</a>${'</div>'.repeat(20_000)}<p>之后</p></body></html>`;
  const flat = limitNesting(html);
  expect(flat.match(/<div>/g)!.length).toBeLessThanOrEqual(256);
  // The link inside keeps its element: the readers need it as a link.
  expect(flat.match(/<div>/g)!.length).toBe(flat.match(/<\/div>/g)!.length);
  const page = extractPage(flat, 'http://www.linhe.gov.cn/', '2026-11-20');
  expect(page.facts.text).toBe('深处链接\n之后');
  expect(page.links.map((l) => l.url)).toEqual(['http://www.linhe.gov.cn/x.html']);
});

test('a page within the limit is the same string; tags inside scripts are not tags', () => {
  const normal = `<html><body>${'<div>'.repeat(100)}正文${'</div>'.repeat(100)}</body></html>`;
  expect(limitNesting(normal)).toBe(normal);
  const scripted = `<html><body><script>${'document.write("<div>");'.repeat(400)}</script>${'<p>段落</p>'.repeat(300)}</body></html>`;
  expect(limitNesting(scripted)).toBe(scripted);
});

describeNeeding(REAL_PAGES, 'the real pages', () => {
  test('none is changed', () => {
    for (const l of realLabels()) {
      const html = realHtml(l.file);
      expect(limitNesting(html), l.file).toBe(html);
    }
  });
});
