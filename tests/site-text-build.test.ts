// Text from the inspected sites on the built portal: a finding whose target carries a right-to-left
// override, and one whose message title is 20,000 characters long (both as a crawl or a record
// could write them into a draft quarter of the demo content). The site page isolates the text,
// shows the override instead of obeying it, and cuts the long title with the whole one click away.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parseSiteQuarter, renderSiteQuarter } from '../src/inspector/report/site-quarter.ts';
import { buildPortal } from './build-portal.test-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'site-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('an override is shown, not obeyed, and a 20,000-character title is cut to its head with the whole behind one click', () => {
  cpSync(new URL('../content/', import.meta.url), dir, { recursive: true });
  const file = join(dir, 'findings', '2026-Q4', 'dupan.md');
  const { data, body } = parseSiteQuarter(readFileSync(file, 'utf8'), file);
  const title = `关于${'社保卡补办'.repeat(4_000)}的咨询`;
  data.findings.push(
    { indicator: 'typo', target: '发票\u202Egpj.exe', page: data.url, points: 0, detail: '错别字\u202E：反转', clause: data.findings[0]?.clause ?? '' },
    { indicator: 'message-overdue', target: title, page: data.url, points: 0, detail: '超过 5 个工作日未答复', clause: data.findings[0]?.clause ?? '' },
  );
  writeFileSync(file, renderSiteQuarter(data, body));
  const built = buildPortal({ base: '/', contentDir: dir, timeoutMs: 150_000 });
  try {
    const html = readFileSync(join(built.dist, 'sites', 'dupan', 'index.html'), 'utf8');
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain('<bdi>发票⟦U+202E⟧gpj.exe</bdi>');
    expect(html).toContain('<bdi>错别字⟦U+202E⟧：反转</bdi>');
    const cut = html.indexOf('<details class="long-text">');
    expect(cut).toBeGreaterThan(0);
    const details = html.slice(cut, html.indexOf('</details>', cut) + '</details>'.length);
    expect(details === `<details class="long-text"><summary><bdi>${[...title].slice(0, 120).join('')}</bdi>…<span class="muted">（共 ${title.length} 字，展开全文）</span></summary><bdi>${title}</bdi></details>`, 'the cut title and the whole behind it').toBe(true);
  } finally {
    built.remove();
  }
}, 200_000);
