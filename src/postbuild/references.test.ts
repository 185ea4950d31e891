import { describe, expect, test } from 'vitest';
import { anchorExists, cssUrls, extractReferences, parseSrcset, refreshUrl } from './references.ts';

const page = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('extraction', () => {
  test('reads every kind of reference once, and the ids and a[name]s', () => {
    const r = extractReferences(
      page(
        `<a href=" a/ ">a</a><a href="a/">again</a><a name="old">x</a><div id="new"></div>
         <img src="i.png" srcset="i.png 1x, i2.png 2x"><picture><source srcset="s.avif"></picture>
         <iframe src="f/"></iframe><form action="/go"></form><video src="v.mp4" poster="p.jpg"></video>
         <svg><use href="#icon"></use></svg><p style="background:url(&quot;bg.png&quot;)"></p>
         <noscript><a href="ns/">ns</a></noscript>`,
        `<base href="/b/"><link rel="stylesheet" href="c.css"><script src="j.js"></script><meta http-equiv="Refresh" content="3;URL=r/"><style>.x{background:url(st.png)}</style>`,
      ),
    );
    expect(r.baseHref).toBe('/b/');
    expect(r.refs.sort()).toEqual(['#icon', '/go', 'a/', 'bg.png', 'c.css', 'f/', 'i.png', 'i2.png', 'j.js', 'ns/', 'p.jpg', 'r/', 's.avif', 'st.png', 'v.mp4'].sort());
    expect([...r.ids].sort()).toEqual(['new', 'old']);
  });

  test.each([
    ['a.png', ['a.png']],
    ['a.png 1x, b.png 2x', ['a.png', 'b.png']],
    ['a.png 480w,b.png 800w', ['a.png', 'b.png']],
    // A URL runs to the next whitespace, commas included: this is one URL, as browsers read it.
    ['a.png,b.png', ['a.png,b.png']],
    ['a.png, b.png', ['a.png', 'b.png']],
    ['  a,b.png 1x ,  c.png  ', ['a,b.png', 'c.png']],
    ['data:image/png;base64,AAA= 1x, b.png 2x', ['data:image/png;base64,AAA=', 'b.png']],
    ['a.png (max-width: 1px, 2px) 1x, b.png', ['a.png', 'b.png']],
    ['', []],
  ])('srcset %j → %j', (srcset, urls) => {
    expect(parseSrcset(srcset)).toEqual(urls);
  });

  test.each([
    ['0; url=/x/', '/x/'],
    ['5;URL=\'/x/\'', '/x/'],
    ['0, url="a b"', 'a b'],
    ['0;/x/', '/x/'],
    ['30', undefined],
    ['0; url=', undefined],
  ])('meta refresh %j → %j', (content, url) => {
    expect(refreshUrl(content)).toBe(url);
  });

  test('url() in CSS, quoted or not', () => {
    expect(cssUrls(`a{background:url(a.png)} b{background:url( "b c.png" )} c{mask:url('c.svg#m')} d{x:url()}`)).toEqual(['a.png', 'b c.png', 'c.svg#m']);
  });

  test.each([
    ['', true],
    ['top', true],
    ['TOP', true],
    ['main', true],
    ['%E6%A6%82%E5%86%B5', true],
    [':~:text=临河', true],
    ['main:~:text=x', true],
    ['nope', false],
    ['%E0%A4%A', false],
  ])('anchor %j → %s', (fragment, ok) => {
    expect(anchorExists(fragment, new Set(['main', '概况']))).toBe(ok);
  });
});
