import { describe, expect, it } from 'vitest';
import type { Finding } from '../schemas/findings.ts';
import { finding } from './fixtures.test-helpers.ts';
import { findingPlace } from './places.ts';

const HOME = 'http://www.linhe.gov.cn/';
const at = (f: Finding, where: Finding['where']): Finding => ({ ...f, where });

describe('findingPlace', () => {
  it('words a broken link in the footer as a web editor says it', () => {
    const f = at(finding('broken-link', 'http://www.linhe.gov.cn/xxgk/'), { part: 'footer', selector: '#footer > ul > li:nth-of-type(3) > a', text: '县政府信息公开' });
    expect(findingPlace(f, HOME)).toEqual({ words: '页面底部 · 链接文字「县政府信息公开」', selector: '#footer > ul > li:nth-of-type(3) > a' });
  });

  it("an image's alt text, a typo's sentence, a message's title", () => {
    expect(findingPlace(at(finding('broken-link', 'http://www.linhe.gov.cn/a.jpg'), { part: 'body', selector: 'div.banner > a > img', text: '两会专题' }), HOME)?.words).toBe('页面主体 · 图片说明「两会专题」');
    expect(findingPlace(at(finding('typo', '攻府'), { part: 'footer', selector: 'div.footer > p', text: '主办单位：临河市人民攻府办公室。' }), HOME)?.words).toBe('页面底部 · 所在句子「主办单位：临河市人民攻府办公室。」');
    expect(findingPlace(at(finding('message-overdue', '《咨询社保》2026-11-02'), { part: 'body', selector: '#xxlb > li:nth-of-type(3)', text: '咨询社保' }), HOME)?.words).toBe('页面主体 · 留言标题「咨询社保」');
  });

  it("names the home page when a column's heading is there, not on the finding's page", () => {
    const f = at(finding('column-stale', '通知公告'), { part: 'body', selector: 'div.lm-hd > h3', text: '通知公告', page: HOME });
    expect(findingPlace({ ...f, page: 'http://www.linhe.gov.cn/tzgg/' }, HOME)?.words).toBe('首页 · 页面主体 · 栏目标题「通知公告」');
  });

  it('leaves out what is not known: the part, an empty text', () => {
    expect(findingPlace(at(finding('broken-link', 'http://www.linhe.gov.cn/x.js'), { selector: 'body > script:nth-of-type(2)', text: '' }), HOME)).toEqual({ words: '', selector: 'body > script:nth-of-type(2)' });
  });

  it('has nothing to say of a finding about something missing', () => {
    expect(findingPlace(finding('identity-mark-missing', 'icp'), HOME)).toBeUndefined();
  });
});
