import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import type { Dictionary } from '../../schemas/dictionary.ts';
import { visibleText } from '../gather/facts.ts';
import { loadDictionary } from '../../store/dictionary.ts';
import { CONTENT } from '../rules/snapshot.test-helpers.ts';
import { REAL_PAGES, realHtml, realLabels } from '../gather/real-pages.test-helpers.ts';
import { describeNeeding } from '../../../tests/needs.test-helpers.ts';
import { compileDictionary, contextAt, findTypos } from './typos.ts';

const shipped = loadDictionary(CONTENT);
const matcher = compileDictionary(shipped);
const found = (text: string, options = {}) => findTypos(matcher, text, options).map((m) => m.found);

describe('findTypos accepts correct text', () => {
  test.each([
    ['the full names', '中华人民共和国国务院办公厅、中国共产党中央委员会、全国人民代表大会常务委员会'],
    ['社会注意 is a correct word', '此事引起社会注意，各方高度关注'],
    ['既使 meaning "both make" is not listed (contested)', '既使企业受益，又使群众满意'],
    ['a 部-name followed by 门 is "the departments of"', '各级农业部门、环境保护部门和国土资源部门要加强协作'],
    ['部分 and 部署', '农业部分的数据；做好文化部署'],
    ['局面', '形成现代农业局面'],
    ['a short reformed name inside a longer name', '集团企业文化部、医院公共卫生部、公司纪检监察部，劳动监察局'],
    ['history: 原', '原国家工商行政管理总局'],
    ['history: 原国家 before a short name', '原国家农业部副部长'],
    ['history: 原 with a place before a local name', '原沂石市国土资源局办公室'],
    ['history: 原 with a province', '原山东省工商行政管理局'],
    ['history: the reform sentence', '将国土资源部的职责，国家海洋局的职责整合，组建自然资源部，不再保留国土资源部'],
    ['history: an enumeration after 原', '原国家质量监督检验检疫总局、国家工商行政管理总局和国家食品药品监督管理总局'],
    ['history: a career', '历任国土资源部副部长、党组成员'],
    ['history: a dated sentence', '2016年，农业部印发了有关规划'],
    ['history: a list item with its date at the end', '西安市国土资源局灞桥分局关于征地的公告 2017-12-25'],
    ['history: a list item with its date on the line before', '2017-12-25\n西安市国土资源局灞桥分局关于征地的公告'],
    ['history: an old document cited by its title', '根据《国土资源部关于加强土地管理的通知》要求'],
    ['history: a decision listed with its document number on the next line', '中国银保监会关于加强互联网保险监管的通知\n银保监发〔2021〕5号\n2021-03-02'],
    ['history: title, document number and date as cells before the name', '银保监办发〔2022〕17号\n2022-02-10\n中国银保监会办公厅关于规范保险代理的通知'],
    ['history: a title ending in its own document number, after another item\'s date', '2026年07月17日 川桃县转发中国银行保险监督管理委员会关于做好金融支持工作的通知（银保监发〔2021〕80号）'],
    ['history: renamed', '国家林业局更名为国家林业和草原局'],
    ['a brand still in use (牌子)', '自然资源部（国家海洋局）、农业农村部（国家乡村振兴局）'],
    ['发布署名文章 holds 布署', '在人民日报发布署名文章'],
    ['按 as a preposition before 装修', '按装修标准验收，按装机容量计费'],
    ['攻府 inside 围攻府衙', '明军围攻府衙'],
    ['全部暑期', '全部暑期活动取消'],
    ['a wrong form split by a block boundary is not joined', '市人民攻\n府网站'],
  ])('%s', (_name, text) => {
    expect(findTypos(matcher, text)).toEqual([]);
  });

  test('every right form and every allowed word of the shipped dictionary is clean', () => {
    const text = shipped.entries.flatMap((e) => [e.right, ...(e.allow ?? [])]).join('\n');
    expect(found(text)).toEqual([]);
  });
});

describe('findTypos rejects', () => {
  test.each<[string, string, string]>([
    ['临河市人民攻府网站', '攻府', '政府'],
    ['庆祝中华人民共合国成立75周年', '中华人民共合国', '中华人民共和国'],
    ['中共人民共和国国务院办公厅', '中共人民共和国', '中华人民共和国'],
    ['深入开展扫黑险恶专项斗争', '扫黑险恶', '扫黑除恶'],
    ['坚持以习近平新时代中国特色社会主意思想为指导', '习近平新时代中国特色社会主意思想', '习近平新时代中国特色社会主义思想'],
    ['坚持和发展新时代中国特色社会注意', '中国特色社会注意', '中国特色社会主义'],
    ['全国人民代表大会堂务委员会公告', '全国人民代表大会堂务委员会', '全国人民代表大会常务委员会'],
    ['中国共产常第二十次全国代表大会', '中国共产常', '中国共产党'],
    ['不忘出心，砥砺前行', '不忘出心', '不忘初心'],
    ['牢记使名，勇担重任', '牢记使名', '牢记使命'],
    ['推进全面从严至党', '从严至党', '从严治党'],
    ['国务院总里主持召开常务会议', '国务院总里', '国务院总理'],
    ['认真贯切落实会议精神', '贯切落实', '贯彻落实'],
    ['对全年工作作出布署', '布署', '部署'],
    ['请及时按装空调', '按装', '安装'],
    ['国土资源部印发通知', '国土资源部', '自然资源部'],
    // A list item of this year: its document number and date are of after the reform.
    ['银保监会关于做好年末工作的通知\n金发〔2026〕12号\n2026-11-02', '银保监会', '国家金融监督管理总局'],
    // A document number of the past two lines away, past a paragraph, is not the item's.
    ['银保监会要求各地加强监管\n近期各地开展了大量工作，取得积极成效，下一步要继续推进各项任务落实\n银保监发〔2021〕5号', '银保监会', '国家金融监督管理总局'],
    // A title whose own document number is of after the reform.
    ['转发中国银行保险监督管理委员会关于做好金融支持工作的通知（金发〔2024〕80号）', '中国银行保险监督管理委员会', '国家金融监督管理总局'],
    ['经文化部批准', '文化部', '文化和旅游部'],
    ['中华人民共和国卫生部', '卫生部', '国家卫生健康委员会'],
    ['县农业局召开会议', '农业局', '农业农村局'],
    ['友情链接：国家食品药品监督管理总局', '国家食品药品监督管理总局', '国家市场监督管理总局'],
  ])('%s', (text, wrong, right) => {
    const out = findTypos(matcher, text);
    expect(out.map((m) => [m.found, m.entry.right])).toEqual([[wrong, right]]);
  });

  test('index and context, hand-checked', () => {
    const text = '一二三四五六七八九十甲乙丙丁临河市人民攻府网站欢迎您\n第二行';
    expect(findTypos(matcher, text)).toEqual([
      { entry: expect.objectContaining({ wrong: '攻府', right: '政府' }), found: '攻府', index: 19, context: '…八九十甲乙丙丁临河市人民攻府网站欢迎您 第二行' },
    ]);
  });

  test('several errors in text order; the longest form at a place wins', () => {
    expect(found('社会主意，马克思主意，习近平新时代中国特色社会主意思想')).toEqual(['社会主意', '马克思主意', '习近平新时代中国特色社会主意思想']);
  });

  test('a reformed name in a sentence after the reform year is not history', () => {
    expect(found('2023年，中国银保监会发布通知')).toEqual([]);
    expect(found('2024年，银保监会发布通知')).toEqual(['银保监会']);
  });
});

describe('findTypos and dates', () => {
  test('a page published in or before the reform year may use the old name', () => {
    expect(found('国土资源部印发通知', { published: '2017-05-02' })).toEqual([]);
    expect(found('国土资源部印发通知', { published: '2018-12-30' })).toEqual([]);
    expect(found('国土资源部印发通知', { published: '2019-01-02' })).toEqual(['国土资源部']);
  });

  test('a check as of a date before a reform does not look for it', () => {
    expect(found('中国银行保险监督管理委员会', { asOf: '2022-11-20' })).toEqual([]);
    expect(found('中国银行保险监督管理委员会', { asOf: '2026-11-20' })).toEqual(['中国银行保险监督管理委员会']);
    expect(found('中国银行保险监督管理委员会', { asOf: '2026-11-20', published: '2021-03-01' })).toEqual([]);
  });

  test('dates do not excuse a typo that is not a reformed name', () => {
    expect(found('2016年，中华人民共合国', { published: '2016-01-01' })).toEqual(['中华人民共合国']);
  });
});

describe('contextAt', () => {
  test('shows whitespace as one space and marks the cuts', () => {
    expect(contextAt('甲\n\n乙丙丁', 3, 4, 3)).toBe('甲 乙丙丁');
    expect(contextAt('一二三四五六七', 3, 4, 1)).toBe('…三四五…');
  });

  test('never cuts a surrogate pair', () => {
    expect(contextAt('𠀀错字𠀀', 2, 4, 1)).toBe('𠀀错字𠀀');
  });
});

describe('compileDictionary', () => {
  const tiny = (entries: Dictionary['entries']): Dictionary => ({ version: 't', entries });

  test('is cached per dictionary object', () => {
    expect(compileDictionary(shipped)).toBe(matcher);
  });

  test('throws on a wrong form listed twice', () => {
    const e = { wrong: '攻府', right: '政府', category: 'institution', severity: 'serious' } as const;
    expect(() => compileDictionary(tiny([e, e]))).toThrow(/listed twice/);
  });

  test('throws on an allowed word that does not contain its wrong form', () => {
    expect(() => compileDictionary(tiny([{ wrong: '布署', right: '部署', category: 'common', severity: 'normal', allow: ['发布'] }]))).toThrow(/does not contain/);
  });
});

describe('the shipped dictionary', () => {
  test('is a defensible size', () => {
    expect(matcher.size).toBeGreaterThanOrEqual(60);
  });

  test.each(shipped.entries.filter((e) => e.category === 'reformed').map((e) => [e.wrong, e] as const))('reformed %s names its reform year', (_w, e) => {
    expect(e.note).toMatch(/^(?:19|20)\d{2} 年/);
  });

  test('no serious entry is a reformed name (reformed names are normal)', () => {
    expect(shipped.entries.filter((e) => e.category === 'reformed' && e.severity === 'serious')).toEqual([]);
  });
});

describeNeeding(REAL_PAGES, 'real pages in ../shared/real-pages', () => {
  const labels = realLabels();
  const textOf = (file: string) => {
    const $ = cheerio.load(realHtml(file));
    $('script, style, noscript, template').remove();
    return visibleText($);
  };

  // The pages' content dates from 2018-03 to 2023-10. The 2018 home pages list the ministries of the
  // day (国土资源部, 国家工商行政管理总局…), which were abolished only later that year: checked as of
  // their capture date, nothing is wrong on any page.
  test.each(labels.map((l) => [l.file, l] as const))('%s: no wording error as of its capture date', (_f, l) => {
    expect(findTypos(matcher, textOf(l.file), { asOf: l.capturedAround })).toEqual([]);
  });

  // Checked as of today, the same pages show only reformed names (by eye: each is a body that has
  // since been abolished, named in a link list or an item title), never a typo.
  test.each(labels.map((l) => [l.file, l] as const))('%s: as of 2026, only reformed names', (_f, l) => {
    const out = findTypos(matcher, textOf(l.file), { asOf: '2026-11-20' });
    expect(out.filter((m) => m.entry.category !== 'reformed')).toEqual([]);
  });

  test('1 MB of their text is scanned in one pass, well under 100 ms on a normal machine', () => {
    const all = labels.map((l) => textOf(l.file)).join('\n');
    const text = all.repeat(Math.ceil(1_000_000 / all.length)).slice(0, 1_000_000);
    findTypos(matcher, text.slice(0, 100_000), { asOf: '2026-11-20' }); // warm up
    const t0 = performance.now();
    const out = findTypos(matcher, text, { asOf: '2026-11-20' });
    const ms = performance.now() - t0;
    console.log(`typos: 1 MB of real page text, ${matcher.size} entries, ${out.length} matches: ${ms.toFixed(1)} ms`);
    expect(out.length).toBeGreaterThan(0);
    // Generous for a slow, shared CI machine.
    expect(ms).toBeLessThan(500);
  });
});
