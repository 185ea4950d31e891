// Filter and sort for the score tables ([data-score-table]). Without scripts the table is complete
// and in the page's order and the controls stay hidden; with them, the form narrows the rows and
// the column buttons reorder them (aria-sort says how).
import { compareRows, matches, type Filter, type RowKeys, type SortKey } from './table-filter.ts';

for (const root of document.querySelectorAll<HTMLElement>('[data-score-table]')) {
  const form = root.querySelector<HTMLFormElement>('form.table-filter');
  const tbody = root.querySelector('tbody');
  const status = root.querySelector<HTMLElement>('[data-count]');
  if (!form || !tbody || !status) continue;
  const rows = [...tbody.rows].map((tr) => ({ tr, keys: keysOf(tr) }));

  const apply = (): void => {
    const data = new FormData(form);
    const filter: Filter = {
      region: String(data.get('region') ?? ''),
      verdict: String(data.get('verdict') ?? '') as Filter['verdict'],
      text: String(data.get('text') ?? ''),
    };
    let shown = 0;
    for (const r of rows) {
      const ok = matches(r.keys, filter);
      r.tr.hidden = !ok;
      if (ok) shown++;
    }
    status.textContent = `显示 ${shown} / ${rows.length} 个网站`;
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  form.addEventListener('reset', () => setTimeout(apply));
  form.hidden = false;
  status.hidden = false;

  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-sort]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const th = button.closest('th')!;
      const direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const other of root.querySelectorAll('th[aria-sort]')) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', direction);
      const key = button.dataset['sort'] as SortKey;
      rows.sort((a, b) => compareRows(a.keys, b.keys, key, direction));
      tbody.append(...rows.map((r) => r.tr));
    });
  }
  apply();
}

function keysOf(tr: HTMLTableRowElement): RowKeys {
  const d = tr.dataset;
  return {
    order: Number(d['order']),
    name: d['name'] ?? '',
    unit: d['unit'] ?? '',
    region: d['region'] ?? '',
    verdict: d['verdict'] === 'fail' ? 'fail' : 'pass',
    score: Number(d['score']),
  };
}
