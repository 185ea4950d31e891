import { describe, expect, test } from 'vitest';
import { readBreadcrumb } from './breadcrumb.ts';
import { page } from './pages.test-helpers.ts';

describe('readBreadcrumb', () => {
  test.each([
    ['<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>', ['政务公开', '通知公告']],
    ['<div>您的位置: <a href="/">网站首页</a> » <a href="/xw/">新闻中心</a> » 正文</div>', ['新闻中心']],
    ['<p>所在位置：首页 ＞ 政务公开 ＞ 规划计划</p>', ['政务公开', '规划计划']],
    ['<p>当前位置：<a href="/">首页</a>&gt;&gt;<a href="/a/">政策</a> / <a href="/b/">解读</a></p>', ['政策', '解读']],
    ['<table><tr><td>当前位置：</td><td><a href="/">首页</a></td><td> &gt;<a href="/c/">发展改革工作</a></td></tr></table>', ['发展改革工作']],
    ['<ol class="breadcrumb"><li><a href="/">首页</a></li><li><a href="/yqtb/">疫情通报</a></li></ol>', ['疫情通报']],
    ['<div>没有面包屑</div>', []],
  ])('%s', (html, expected) => {
    expect(readBreadcrumb(page(html))).toEqual(expected);
  });
});
