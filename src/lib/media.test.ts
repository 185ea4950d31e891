import { describe, expect, it } from 'vitest';
import { manualRecordSchema, type ManualRecord } from '../schemas/manual.ts';
import type { MediaAccount } from '../schemas/media.ts';
import { judgeMedia, mediaCounts, mediaProblemText, type RecordRef } from './media.ts';
import { unitTree } from './units.ts';

const units = unitTree([
  { id: 'linhe-bgs', name: '临河市人民政府办公室' },
  { id: 'hexi-jyj', name: '河西县教育局' },
]);

const ACCOUNTS: MediaAccount[] = [
  { id: 'linhe-wx', name: '临河发布', platform: 'wechat', unit: 'linhe-bgs', registered: true },
  { id: 'linhe-wb', name: '临河发布', platform: 'weibo', unit: 'linhe-bgs', registered: true },
  { id: 'hexi-edu-dy', name: '河西教育', platform: 'douyin', unit: 'hexi-jyj', registered: false },
  { id: 'hexi-edu-wx', name: '河西教育', platform: 'wechat', unit: 'hexi-jyj', registered: true },
];

let n = 0;
/** A valid record (checked with the shared schema) in its own file. */
function rec(over: Partial<ManualRecord>): RecordRef {
  n++;
  return { file: `manual/2026-Q4/r${n}.md`, data: manualRecordSchema.parse({ indicator: 'media-not-updated', target: '两周无更新', inspector: '张三', date: '2026-11-18', ...over }) };
}

describe('judgeMedia', () => {
  it('fails an account on a veto item, lists other problems without failing, failing first then by unit and name', () => {
    const records = [
      rec({ media: 'linhe-wb', indicator: 'media-low-original', target: '转载为主' }),
      rec({ media: 'hexi-edu-wx', indicator: 'media-no-interaction', target: '无留言功能', screenshot: 'evidence/2026-Q4/hexi.png' }),
      rec({ media: 'linhe-wx', indicator: 'media-low-original', target: '转载为主' }),
      rec({ media: 'linhe-wx', indicator: 'media-not-updated' }),
      rec({ site: 'linhe', indicator: 'message-overdue', target: '留言' }),
      rec({ unit: 'hexi-jyj', indicator: 'self-inspection-missing', target: '自查报告' }),
    ];
    const out = judgeMedia(ACCOUNTS, records, units);
    expect(out.map((j) => [j.account.id, j.verdict, j.unitName, j.platform])).toEqual([
      // 河西县教育局 before 临河市人民政府办公室 in pinyin order; the two 临河发布 by id.
      ['hexi-edu-wx', 'fail', '河西县教育局', '微信'],
      ['linhe-wx', 'fail', '临河市人民政府办公室', '微信'],
      // Not filed (registered: false): a problem this quarter, since media were checked.
      ['hexi-edu-dy', 'pass', '河西县教育局', '抖音'],
      ['linhe-wb', 'pass', '临河市人民政府办公室', '微博'],
    ]);
    const linheWx = out[1]!;
    expect(linheWx.problems.map((p) => [p.indicator, p.veto, p.record])).toEqual([
      ['media-not-updated', true, records[3]!.file],
      ['media-low-original', false, records[2]!.file],
    ]);
    expect(out[0]!.problems[0]).toMatchObject({ title: '无互动功能', inspector: '张三', date: '2026-11-18', screenshot: 'evidence/2026-Q4/hexi.png' });
    expect(out[2]!.problems).toEqual([{ indicator: 'media-not-filed', title: '未在报送系统备案', veto: false, target: '未在全国政务新媒体信息报送系统备案' }]);
    expect(mediaCounts(out)).toEqual({ accounts: 4, failing: 2 });
  });

  it('says nothing when the quarter has no media record, not even about accounts not filed', () => {
    expect(judgeMedia(ACCOUNTS, [], units)).toEqual([]);
    expect(judgeMedia(ACCOUNTS, [rec({ site: 'linhe', indicator: 'message-overdue', target: '留言' })], units)).toEqual([]);
    expect(mediaCounts([])).toEqual({ accounts: 0, failing: 0 });
  });

  it('does not list 未备案 twice when an inspector recorded it too', () => {
    const out = judgeMedia(ACCOUNTS, [rec({ media: 'hexi-edu-dy', indicator: 'media-not-filed', target: '报送系统查无此号' })], units);
    expect(out).toHaveLength(1);
    expect(out[0]!.problems.map((p) => p.target)).toEqual(['报送系统查无此号']);
  });

  it('throws naming the file for an account not in the registry, and for an item that is not about new media', () => {
    const ghost = rec({ media: 'gone-wx' });
    expect(() => judgeMedia(ACCOUNTS, [ghost], units)).toThrow(`${ghost.file}: new media account gone-wx is not in media.yaml`);
    const wrong = rec({ media: 'linhe-wx', indicator: 'broken-link' });
    expect(() => judgeMedia(ACCOUNTS, [wrong], units)).toThrow(new RegExp(`^${wrong.file}: broken-link is not a new media item`));
  });

  it('does not depend on the order of the records', () => {
    const records = [rec({ media: 'linhe-wx', indicator: 'media-severe-error', target: 'b' }), rec({ media: 'linhe-wx', indicator: 'media-severe-error', target: 'a' }), rec({ media: 'hexi-edu-wx' })];
    const strip = (r: RecordRef[]) => judgeMedia(ACCOUNTS, r, units).map((j) => [j.account.id, j.problems.map((p) => p.target)]);
    expect(strip(records)).toEqual(strip(records.toReversed()));
  });
});

describe('mediaProblemText (主要问题 of 附件2)', () => {
  it('names each item once, vetoes marked, with a count when recorded more than once', () => {
    const [j] = judgeMedia(
      ACCOUNTS,
      [rec({ media: 'linhe-wx', indicator: 'media-severe-error', target: '领导姓名错误' }), rec({ media: 'linhe-wx', indicator: 'media-severe-error', target: '国名错误' }), rec({ media: 'linhe-wx', indicator: 'media-low-original', target: '转载为主' })],
      units,
    );
    expect(mediaProblemText(j!)).toBe('严重表述错误 2 处（单项否决）；原创内容少');
  });
});
