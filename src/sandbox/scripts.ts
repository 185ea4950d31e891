// The script-built forms of a page's parts, as CMS templates (TRS, 大汉, Hanweb) write them: a
// home block's rows written by document.write from an inline array, a list filled from a JSON file
// by XHR or from inline data, a footer or a search box written by document.write. Plain DOM and
// XMLHttpRequest only (no jQuery): a browser runs them, a static HTML reader sees an empty
// container and a script. Leaf module: render.ts hands it markup and data, it hands back HTML.
import type { Template } from './look.ts';
import type { SearchForm } from './model.ts';

/** A list row: the title as text, the href as the template writes it, the date as shown. */
export interface Row {
  title: string;
  href: string;
  date: string;
}

/** A single-quoted JavaScript string literal that cannot end the <script> element it sits in. */
export function jsString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, '\\n').replace(/<\//g, '<\\/')}'`;
}

/** JSON as inline script data: `</` is written `<\/` so that no title or URL can end the script. */
export function jsData(v: unknown): string {
  return JSON.stringify(v).replace(/<\//g, '<\\/');
}

/** One document.write per line of a piece of HTML: how templates write a footer or a header part. */
export function documentWrite(html: string): string {
  return html.split('\n').map((line) => `document.write(${jsString(line)});`).join('\n');
}

/** A row in each template's markup, as a JS expression over t (escaped title), u (href) and d (date). */
const ROW_JS: Record<Template, string> = {
  ul: `'<li><a href="' + u + '" target="_blank" title="' + t + '">' + t + '</a><span>' + d + '</span></li>'`,
  table: `'<tr><td class="dot" width="10">·</td><td><a href="' + u + '" target="_blank">' + t + '</a></td><td class="date" align="right" width="100">' + d + '</td></tr>'`,
  cards: `'<div class="card"><a class="card-title" href="' + u + '">' + t + '</a><p class="card-date">' + d + '</p></div>'`,
};

const ESCAPE_JS = `function escapeHtml(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }`;

function script(body: string): string {
  return `<script type="text/javascript">\n${body}\n</script>`;
}

/**
 * Rows written by document.write where the script stands (inside the list container), from an
 * inline array of [title, href, date] whose titles the CMS has already escaped; `empty` is the
 * row shown when there are none (null: nothing).
 */
export function writtenRows(template: Template, name: string, rows: readonly Row[], empty: string | null, esc: (s: string) => string): string {
  const data = jsData(rows.map((r) => [esc(r.title), r.href, r.date]));
  const lines = [
    `var ${name} = ${data};`,
    `for (var i = 0; i < ${name}.length; i++) {`,
    `  var t = ${name}[i][0], u = ${name}[i][1], d = ${name}[i][2];`,
    `  document.write(${ROW_JS[template]});`,
    '}',
  ];
  if (empty !== null) lines.push(`if (${name}.length == 0) document.write(${jsString(empty)});`);
  return script(lines.join('\n'));
}

/** The loop that builds the rows' HTML in h from an array of {title, url, date} (titles as text). */
function rowsLoop(template: Template, list: string): string[] {
  return [
    ESCAPE_JS,
    `var h = '';`,
    `for (var i = 0; i < ${list}.length; i++) {`,
    `  var t = escapeHtml(${list}[i].title), u = ${list}[i].url, d = ${list}[i].date;`,
    `  h += ${ROW_JS[template]};`,
    '}',
  ];
}

/** The JSON a script-built home block fetches: its rows, titles as text. */
export function rowsJson(rows: readonly Row[]): string {
  return `${JSON.stringify({ total: rows.length, list: rows.map((r) => ({ title: r.title, url: r.href, date: r.date })) })}\n`;
}

/** loadColumn(id, url, empty): fills the empty container #id with the rows of a same-site JSON file, by XHR; defined once per page. */
export function columnLoader(template: Template): string {
  return script([
    'function loadColumn(id, url, empty) {',
    '  var x = new XMLHttpRequest();',
    "  x.open('GET', url, true);",
    '  x.onreadystatechange = function () {',
    '    if (x.readyState != 4 || x.status != 200) return;',
    '    var list = JSON.parse(x.responseText).list;',
    ...rowsLoop(template, 'list').map((l) => `    ${l}`),
    '    if (list.length == 0) h = empty;',
    '    document.getElementById(id).innerHTML = h;',
    '  };',
    '  x.send(null);',
    '}',
  ].join('\n'));
}

/** A home block's call of loadColumn (columnLoader) for its empty container. */
export function fetchedRows(id: string, jsonPath: string, empty: string | null): string {
  return script(`loadColumn(${jsString(id)}, ${jsString(jsonPath)}, ${jsString(empty ?? '')});`);
}

/** Fills the empty container #id from an inline array of {title, url, date} (titles as text). */
export function inlineDataRows(template: Template, id: string, rows: readonly Row[], empty: string | null): string {
  return script([
    `var listData = ${jsData(rows.map((r) => ({ title: r.title, url: r.href, date: r.date })))};`,
    '(function () {',
    ...rowsLoop(template, 'listData').map((l) => `  ${l}`),
    ...(empty === null ? [] : [`  if (listData.length == 0) h = ${jsString(empty)};`]),
    `  document.getElementById(${jsString(id)}).innerHTML = h;`,
    '})();',
  ].join('\n'));
}

/**
 * A search box written by script, its button a link whose onclick calls a function: 'form' writes
 * a form the function submits (TRS's checkSearch), 'box' an input alone whose function opens the
 * engine's URL (no form anywhere in the page). The input is the template's own: the table template's
 * holds its hint as a value, with no label (as its static form does), the others a placeholder.
 */
export function scriptedSearch(kind: 'form' | 'box', s: Pick<SearchForm, 'action' | 'field' | 'hidden'>, esc: (s: string) => string, template: Template): string {
  const input = template === 'table'
    ? `<input type="text" name="${s.field}" id="searchword" size="20" value="请输入检索内容" onfocus="if(this.value=='请输入检索内容')this.value='';">`
    : `<input type="text" name="${s.field}" id="searchword" class="search-input" value="" placeholder="请输入关键字">`;
  if (kind === 'form') {
    const hidden = s.hidden.map(([n, v]) => `<input type="hidden" name="${n}" value="${esc(v)}">`).join('');
    return script([
      documentWrite(`<form name="searchform" id="searchform" action="${s.action}" method="get" target="_blank">${hidden}${input}<a href="javascript:void(0)" class="search-btn" onclick="return checkSearch();">搜索</a></form>`),
      'function checkSearch() {',
      '  var f = document.getElementById(\'searchform\');',
      `  var w = f.elements[${jsString(s.field)}];`,
      '  if (w.value.replace(/\\s/g, \'\') == \'\') { alert(\'请输入关键字\'); w.focus(); return false; }',
      '  f.submit();',
      '  return false;',
      '}',
    ].join('\n'));
  }
  const extra = s.hidden.map(([n, v]) => `&${n}=${encodeURIComponent(v)}`).join('');
  return script([
    documentWrite(`${input}<a href="javascript:void(0)" class="search-btn" onclick="doSearch();">搜索</a>`),
    'function doSearch() {',
    '  var w = document.getElementById(\'searchword\').value;',
    '  if (w.replace(/\\s/g, \'\') == \'\') { alert(\'请输入关键字\'); return; }',
    `  window.open(${jsString(`${s.action}?${s.field}=`)} + encodeURIComponent(w)${extra ? ` + ${jsString(extra)}` : ''});`,
    '}',
  ].join('\n'));
}

/** An inline script that writes a piece of HTML where it stands. */
export function writtenHtml(html: string): string {
  return script(documentWrite(html));
}
