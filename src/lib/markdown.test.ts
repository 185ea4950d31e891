import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { escapeRawHtml, guardLinks } from './markdown.ts';

const render = async (md: string) => (await markdownToHtml(md, { mdastPlugins: [escapeRawHtml], hastPlugins: [guardLinks] })).html;

describe('findings body guards', () => {
  it('shows raw HTML as text', async () => {
    const html = await render('标题<script>alert(1)</script>\n\n<div onclick="x()">块</div>\n\n<img src=x onerror=alert(1)>\n');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<div');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('marks http(s) links nofollow and drops other schemes', async () => {
    const html = await render('[首页](http://www.linhe.gov.cn/) [坏](javascript:alert(1)) <https://www.hexi.gov.cn/>\n');
    expect(html).toContain('<a href="http://www.linhe.gov.cn/" rel="nofollow noopener noreferrer">首页</a>');
    expect(html).toContain('<a href="https://www.hexi.gov.cn/" rel="nofollow noopener noreferrer">');
    expect(html).not.toContain('javascript:');
  });

  it('keeps ordinary Markdown', async () => {
    expect(await render('**不合格**，得分 57.5 分。\n\n- 链接不可用：1 项\n')).toBe('<p><strong>不合格</strong>，得分 57.5 分。</p>\n<ul>\n<li>链接不可用：1 项</li>\n</ul>\n');
  });
});
