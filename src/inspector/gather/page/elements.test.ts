import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { describe, expect, test } from 'vitest';
import { baseHref, closest, elementsOf, firstInside, forgetElements, inside, named, parentsOf, textOf, within } from './elements.ts';

/** A page with what trips a hand-written walk: a template's content, a frame, nesting, scripts and comments. */
const PAGE = `<!DOCTYPE html><html><head><title>标题</title><base href="/a/"><base href="/b/"><script src="/x.js"></script></head>
<body><div id="top"><a href="/1">一<img alt="图一"><img alt="图二"></a><area href="/2"></div>
<template><div class="t"><a href="/in-template">模板里</a><ul><li>项</li></ul></template>
<ul><li><a href="/3"><span>三</span><!-- 注释 --></a></li><li><a>没有链接</a></li></ul>
<script>var s = '<a href="/not">';</script><p>段<b>落</b></p></body></html>`;

/** The elements a selector finds, as the readers found them before. */
const bySelector = ($: cheerio.CheerioAPI, css: string) => $(css).toArray();

describe('the page’s elements', () => {
  const $ = cheerio.load(PAGE);

  test('named finds what the selector finds, in document order, a template’s content too', () => {
    expect(named($, 'a', 'area')).toEqual(bySelector($, 'a, area'));
    expect(named($, 'li')).toEqual(bySelector($, 'li'));
    expect(named($, 'script')).toEqual(bySelector($, 'script'));
    expect(named($, 'a').map((a) => a.attribs.href)).toEqual(['/1', '/in-template', '/3', undefined]);
    expect(elementsOf($).all).toEqual(bySelector($, '*'));
    expect(named($, 'video')).toEqual([]);
  });

  test('the first <base href> and an element’s text are the selector’s and .text()’s', () => {
    expect(baseHref($)).toBe('/a/');
    for (const el of elementsOf($).all) expect(textOf(el)).toBe($(el).text());
  });

  test('inside, firstInside, closest, within and parentsOf walk as find, closest, a descendant selector and parents do', () => {
    for (const el of elementsOf($).all) {
      expect(inside(el, (c) => c.name === 'img' || c.name === 'li')).toEqual($(el).find('img, li').toArray());
      expect(firstInside(el, 'img', (c) => c.attribs.alt !== undefined)).toBe($(el).find('img[alt]')[0]);
      expect(closest(el, (c) => c.name === 'ul' || c.name === 'body')).toBe($(el).closest('ul, body')[0]);
      expect(parentsOf(el)).toEqual($(el).parents().toArray());
      expect(within(el, (c) => c.name === 'body')).toBe($(el).is('body *'));
    }
  });

  test('a template’s content is found from the document and <html>, not from the elements around it', () => {
    const inTemplate = named($, 'a').find((a) => a.attribs.href === '/in-template')! as Element;
    expect(within(inTemplate, (c) => c.name === 'body')).toBe(false);
    expect(closest(inTemplate, (c) => c.name === 'body')).toBeUndefined();
    expect(parentsOf(inTemplate).map((p) => p.name)).toEqual(['div']);
    const [html] = named($, 'html');
    const [body] = named($, 'body');
    expect(inside(html!, (c) => c.name === 'a')).toContain(inTemplate);
    expect(inside(body!, (c) => c.name === 'a')).not.toContain(inTemplate);
  });

  test('after the document changes, forgetElements makes the next reader walk it again', () => {
    const $$ = cheerio.load(PAGE);
    expect(named($$, 'li')).toHaveLength(3);
    $$('body > ul').remove();
    expect(named($$, 'li')).toHaveLength(3);
    forgetElements($$);
    expect(named($$, 'li')).toHaveLength(1);
  });

  test('a page nested deeper than the call stack goes is walked', () => {
    const deep = cheerio.load(`${'<span>'.repeat(20_000)}底${'</span>'.repeat(20_000)}`);
    expect(named(deep, 'span')).toHaveLength(20_000);
  });
});
