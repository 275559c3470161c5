/** The review page's style and script, inlined into the page (it loads nothing: see review-page.ts). */

export const REVIEW_STYLE = `
:root { color-scheme: light; --line: #d9dde3; --muted: #6b7280; --error: #c62828; --warning: #b26a00; --info: #1565c0; --hint: #546e7a; --accent: #1f4e8c; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; font: 14px/1.55 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: #1f2328; background: #f6f7f9; }
h1 { font-size: 22px; margin: 0 0 4px; }
.overview { margin: 0 0 16px; color: var(--muted); }
.overview b { color: #1f2328; }
.controls { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; margin: 0 0 12px; }
.controls input[type="search"] { width: 260px; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
.controls label { display: inline-flex; gap: 6px; align-items: center; cursor: pointer; }
.controls button { padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; font: inherit; cursor: pointer; }
.shown { color: var(--muted); margin-left: auto; }
table.reports { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
.reports th, .reports td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.reports thead th { position: sticky; top: 0; background: #eef1f5; font-weight: 600; white-space: nowrap; z-index: 1; }
.reports th button { all: unset; cursor: pointer; }
.reports th button::after { content: " ↕"; color: #b0b7c3; }
.reports th[aria-sort="ascending"] button::after { content: " ↑"; color: var(--accent); }
.reports th[aria-sort="descending"] button::after { content: " ↓"; color: var(--accent); }
.reports .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.reports tr.summary { cursor: pointer; }
.reports tr.summary:hover { background: #f3f6fb; }
.reports.grouped tbody.group-start tr.summary td { border-top: 2px solid #c5ccd6; }
.reports th[data-key="order"] { width: 26%; }
.organ-name { font-weight: 600; }
.file { display: block; color: var(--muted); font-size: 12px; word-break: break-all; }
.toggle { all: unset; cursor: pointer; color: var(--muted); display: inline-block; width: 1em; }
.toggle::before { content: "▸"; }
.toggle[aria-expanded="true"]::before { content: "▾"; }
.count.zero { color: #c0c6cf; }
.count.error:not(.zero) { color: var(--error); font-weight: 700; }
.count.warning:not(.zero) { color: var(--warning); font-weight: 600; }
.count.info:not(.zero) { color: var(--info); }
.count.hint:not(.zero) { color: var(--hint); }
.missing { color: #c0c6cf; }
tr.details > td { background: #fafbfc; padding: 12px 16px 16px 40px; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 0 0 12px; }
.chart { margin: 0; }
.chart figcaption { font-size: 12px; color: var(--muted); }
.chart svg { display: block; }
.chart .line { fill: none; stroke: var(--accent); stroke-width: 1.5; }
.chart .point { fill: #fff; stroke: var(--accent); stroke-width: 1.5; }
.chart text { font-size: 10px; fill: var(--muted); }
ul.findings, ul.notes { list-style: none; margin: 0; padding: 0; }
.notes li { color: var(--warning); margin: 0 0 6px; }
.finding { margin: 0 0 12px; padding-left: 10px; border-left: 3px solid var(--line); }
.finding.error { border-color: var(--error); }
.finding.warning { border-color: var(--warning); }
.finding.info { border-color: var(--info); }
.finding.hint { border-color: var(--hint); }
.finding .where { font-size: 12px; color: var(--muted); }
.finding .severity { font-weight: 600; }
.finding.error .severity { color: var(--error); }
.finding.warning .severity { color: var(--warning); }
.finding.info .severity { color: var(--info); }
.finding.hint .severity { color: var(--hint); }
.finding code { font-size: 12px; }
.finding .message { margin: 2px 0 4px; }
pre.context { margin: 0; padding: 6px 8px; background: #fff; border: 1px solid var(--line); border-radius: 4px; font: 12px/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; white-space: pre-wrap; word-break: break-all; }
pre.context .n { display: inline-block; min-width: 3.5em; color: #a0a7b2; user-select: none; }
pre.context .at { background: #fff4d6; display: inline-block; width: 100%; }
pre.context mark { background: #ffd27a; color: inherit; }
.clean { color: var(--muted); margin: 0; }
footer { margin-top: 16px; font-size: 12px; color: var(--muted); }
@media print {
  body { background: #fff; padding: 0; font-size: 11px; }
  .controls, .toggle { display: none; }
  .reports thead th { position: static; }
  .reports th button::after { content: none; }
  tbody.report[hidden] { display: table-row-group; }
  tr.details[hidden] { display: table-row; }
  tbody.report { break-inside: avoid-page; }
}
`;

/** Sorting by a column header, the filters, and opening a row to its findings. `#problems` in the address turns the problems-only filter on. */
export const REVIEW_SCRIPT = `
(function () {
  var table = document.getElementById('reports');
  var bodies = Array.prototype.slice.call(table.tBodies);
  var problems = document.getElementById('problems');
  var query = document.getElementById('query');
  var shown = document.getElementById('shown');
  function setOpen(body, open) {
    body.querySelector('.toggle').setAttribute('aria-expanded', String(open));
    body.querySelector('tr.details').hidden = !open;
  }
  function filter() {
    var q = query.value.trim().toLowerCase();
    var count = 0;
    bodies.forEach(function (body) {
      var show = (!problems.checked || body.dataset.problems === '1') && (q === '' || body.dataset.search.indexOf(q) >= 0);
      body.hidden = !show;
      if (show) count++;
    });
    shown.textContent = String(count);
  }
  bodies.forEach(function (body) {
    body.querySelector('tr.summary').addEventListener('click', function () {
      setOpen(body, body.querySelector('tr.details').hidden);
    });
  });
  document.getElementById('expand').addEventListener('click', function () { bodies.forEach(function (b) { setOpen(b, true); }); });
  document.getElementById('collapse').addEventListener('click', function () { bodies.forEach(function (b) { setOpen(b, false); }); });
  problems.addEventListener('change', filter);
  query.addEventListener('input', filter);
  var headers = Array.prototype.slice.call(table.querySelectorAll('th[data-key]'));
  headers.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.dataset.key;
      var current = th.getAttribute('aria-sort');
      var direction = current ? (current === 'ascending' ? 'descending' : 'ascending') : th.dataset.first || 'ascending';
      var sign = direction === 'ascending' ? 1 : -1;
      var numeric = th.dataset.type === 'number';
      headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', direction);
      table.classList.toggle('grouped', key === 'order' && direction === 'ascending');
      bodies.sort(function (a, b) {
        var x = a.dataset[key], y = b.dataset[key];
        if (x === '' || y === '') return (x === '' ? 1 : 0) - (y === '' ? 1 : 0) || a.dataset.order - b.dataset.order;
        var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh');
        return c * sign || a.dataset.order - b.dataset.order;
      });
      bodies.forEach(function (b) { table.appendChild(b); });
    });
  });
  if (location.hash === '#problems') problems.checked = true;
  filter();
})();
`;
