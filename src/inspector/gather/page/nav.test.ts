import { describe, expect, test } from 'vitest';
import { readNav } from './nav.ts';
import { page } from './pages.test-helpers.ts';

describe('readNav', () => {
  test('the first menu with enough entries, absolute, without 首页', () => {
    const $ = page(`<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="zwgk/">政务公开</a></li>
      <li><a href="/zmhd/">政民互动</a></li><li><a href="javascript:void(0)">更多</a></li><li><a href="http://www.other.gov.cn/bsfw/">办事服务</a></li></ul></div>
      <div class="footer"><div class="menu"><a href="/a/">关于我们</a><a href="/b/">联系我们</a><a href="/c/">网站地图</a><a href="/d/">隐私声明</a></div></div>`);
    expect(readNav($, 'http://www.example.gov.cn/index.html')).toEqual([
      { name: '新闻中心', url: 'http://www.example.gov.cn/xwzx/', where: { part: 'nav', selector: '#nav > ul > li:nth-of-type(2) > a', text: '新闻中心' } },
      { name: '政务公开', url: 'http://www.example.gov.cn/zwgk/', where: { part: 'nav', selector: '#nav > ul > li:nth-of-type(3) > a', text: '政务公开' } },
      { name: '政民互动', url: 'http://www.example.gov.cn/zmhd/', where: { part: 'nav', selector: '#nav > ul > li:nth-of-type(4) > a', text: '政民互动' } },
      { name: '办事服务', url: 'http://www.other.gov.cn/bsfw/', where: { part: 'nav', selector: '#nav > ul > li:nth-of-type(6) > a', text: '办事服务' } },
    ]);
  });
});
