import { describe, expect, test } from 'vitest';
import rule from './accessibility-issues.ts';
import { context, HOME, snapshot } from './snapshot.test-helpers.ts';
import type { AccessibilityAudit } from '../snapshot.ts';

const ctx = context('accessibility-issues');
const LIST = `${HOME}xwzx/ywdt/index.html`;
const audit = (over: Partial<AccessibilityAudit> = {}): AccessibilityAudit => ({ engine: 'axe-core 4.14.1', pages: [{ url: HOME, ok: true }, { url: LIST, ok: true }], violations: [], ...over });

describe('accessibility-issues', () => {
  test('no violation on the pages audited: pass', () => {
    expect(rule.run(snapshot({ accessibility: audit() }), ctx)).toEqual({ status: 'pass' });
  });

  test.each([
    ['pages not rendered (no audit)', snapshot(), '未在浏览器中检查页面（--render never，或 auditPages 为 0）'],
    ['no page could be loaded', snapshot({ accessibility: audit({ pages: [{ url: HOME, ok: false, detail: 'timeout: 15 s' }] }) }), '检查的页面均未能在浏览器中打开：timeout: 15 s'],
    ['the home page did not open', snapshot({ attempts: [{ ok: false, detail: 'timeout', elapsedMs: 15_000 }] }), '首页无法打开'],
  ])('%s: not applicable', (_n, s, reason) => {
    expect(rule.run(s, ctx)).toEqual({ status: 'not_applicable', reason });
  });

  test('one finding per rule, not per element: its pages and elements counted, the criteria and examples as evidence', () => {
    const r = rule.run(
      snapshot({
        accessibility: audit({
          violations: [
            { rule: 'image-alt', impact: 'critical', help: '图像必须有替代文本', wcag: ['1.1.1'], elements: 7, pages: [HOME, LIST], examples: [{ page: HOME, selector: '.logo > img' }, { page: LIST, selector: 'td > img' }] },
            { rule: 'html-has-lang', impact: 'serious', help: '<html> 元素必须有一个 lang 属性', wcag: ['3.1.1'], elements: 2, pages: [HOME, LIST], examples: [{ page: HOME, selector: 'html' }] },
          ],
        }),
      }),
      ctx,
    );
    expect(r).toEqual({
      status: 'fail',
      findings: [
        { indicator: 'accessibility-issues', target: 'image-alt', page: HOME, points: 0, detail: `图像必须有替代文本（WCAG 1.1.1，影响极严重）：检查 2 个页面，其中 2 个共 7 处，如 ${HOME} 的 .logo > img；${LIST} 的 td > img（axe-core 4.14.1，规则 image-alt）` },
        { indicator: 'accessibility-issues', target: 'html-has-lang', page: HOME, points: 0, detail: `<html> 元素必须有一个 lang 属性（WCAG 3.1.1，影响严重）：检查 2 个页面，其中 2 个共 2 处，如 ${HOME} 的 html（axe-core 4.14.1，规则 html-has-lang）` },
      ],
    });
  });

  test('a page that failed to load counts for nothing: the pages checked are the ones that loaded', () => {
    const r = rule.run(snapshot({ accessibility: audit({ pages: [{ url: HOME, ok: true }, { url: LIST, ok: false, detail: 'timeout' }], violations: [{ rule: 'select-name', impact: 'critical', help: 'select 元素必须有一个可访问的名称', wcag: ['4.1.2'], elements: 1, pages: [HOME], examples: [{ page: HOME, selector: 'select' }] }] }) }), ctx);
    expect(r.status === 'fail' && r.findings[0]!.detail).toContain('检查 1 个页面，其中 1 个共 1 处');
  });

  test('the 长者模式 entry shows text no larger than before: elder-mode-text, beside axe’s findings', () => {
    const r = rule.run(snapshot({ accessibility: audit({ elder: { entry: '长者模式', before: 14, after: 14 } }) }), ctx);
    expect(r).toEqual({
      status: 'fail',
      findings: [{ indicator: 'accessibility-issues', target: 'elder-mode-text', page: HOME, points: 0, detail: '长者模式未放大文字：点击首页“长者模式”前后，文字字号的中位数为 14px 和 14px' }],
    });
  });

  test('in the mode, text that fails contrast and a floating window still shown: elder-mode-contrast and elder-mode-ads', () => {
    const elder = {
      entry: '关怀版', before: 14, after: 20,
      contrast: { elements: 12, examples: ['.nav > a', '#news li'] },
      floating: [{ selector: '#piaochuang', words: '关闭 专题', moving: true, closable: true }, { selector: 'div:nth-of-type(3)', words: '通知', moving: false, closable: true }],
    };
    expect(rule.run(snapshot({ accessibility: audit({ elder }) }), ctx)).toEqual({
      status: 'fail',
      findings: [
        { indicator: 'accessibility-issues', target: 'elder-mode-contrast', page: HOME, points: 0, detail: '长者模式下有 12 处文字与背景的颜色对比度低于 WCAG AA 要求（一般文字 4.5:1，大字 3:1），如 .nav > a；#news li（点击首页“关怀版”后，axe-core 4.14.1，规则 color-contrast）' },
        { indicator: 'accessibility-issues', target: 'elder-mode-ads', page: HOME, points: 0, detail: '长者模式下仍显示 2 个浮动窗口（飘窗、弹窗或悬浮栏）：#piaochuang（“关闭 专题”，在页面上漂动、带“关闭”按钮）；div:nth-of-type(3)（“通知”，带“关闭”按钮）（点击首页“关怀版”后）' },
      ],
    });
  });

  test.each([
    ['larger text, contrast that holds, nothing floating', { entry: '长者模式', before: 14, after: 20, contrast: { elements: 0, examples: [] }, floating: [] }],
    ['an entry not followed (another site)', { entry: '长者版', failed: '入口指向其他网站' }],
    ['a page with no text to measure', { entry: '长者模式', before: 0, after: 0 }],
  ])('%s: no elder-mode finding', (_n, elder) => {
    expect(rule.run(snapshot({ accessibility: audit({ elder }) }), ctx)).toEqual({ status: 'pass' });
  });
});
