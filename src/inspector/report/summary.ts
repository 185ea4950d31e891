// The Markdown body of a findings file: a short summary in Chinese for people.
import { quarterName } from '../../dates.ts';
import { TRUNCATION_REASON_NAMES, type SiteQuarter } from '../../schemas/findings.ts';
import { indicator } from '../catalogue/index.ts';

/** A few sentences and a list of problems per indicator. */
export function summaryBody(r: SiteQuarter): string {
  const title = (id: string) => indicator(id)?.title ?? id;
  const lines: string[] = [];
  const verdict = r.verdict === 'pass' ? '合格' : '不合格';
  lines.push(`${r.name}（<${r.url}>）${quarterName(r.quarter)}检查结果：**${verdict}**，得分 ${r.score.toFixed(1)} 分。监测时间点 ${r.asOf}。`);
  lines.push('');
  if (r.vetoes.length) lines.push(`触发单项否决：${r.vetoes.map(title).join('、')}。`, '');
  lines.push(`本次抓取页面 ${r.stats.pages} 个，检查链接 ${r.stats.links} 个${r.stats.inconclusive ? `，其中 ${r.stats.inconclusive} 个无法判断（未计入问题）` : ''}。`);
  const cut = r.stats.truncated;
  if (cut) {
    const why = cut.reasons.map((k) => TRUNCATION_REASON_NAMES[k]).join('、');
    lines.push(`本次检查因${why}未读完：未抓取页面 ${cut.pagesNotRead} 个，未检查链接 ${cut.linksNotChecked} 个；以下问题均据已读取的内容认定。`);
  }
  if (r.findings.length === 0) {
    lines.push('', '未发现问题。');
  } else {
    const counts = new Map<string, number>();
    for (const f of r.findings) counts.set(f.indicator, (counts.get(f.indicator) ?? 0) + 1);
    lines.push('', `发现问题 ${r.findings.length} 项：`, '');
    for (const [id, n] of counts) lines.push(`- ${title(id)}：${n} 项`);
  }
  if (r.dismissed?.length) lines.push('', `经复核不予认定 ${r.dismissed.length} 项（未计分，见网站页面）。`);
  if (r.errors?.length) {
    lines.push('', `以下指标检查出错，未计分：${r.errors.map((e) => title(e.indicator)).join('、')}。`);
  }
  return `${lines.join('\n')}\n`;
}
