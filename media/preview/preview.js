// @ts-check
// The report preview's page (see client/src/preview.ts): draws the PublishedReport it is sent,
// replacing only the blocks that changed so the page neither flickers nor loses its place; scrolls to
// the line the editor shows at its top; reveals in the editor what is clicked; answers probes.
(function () {
  // @ts-expect-error acquireVsCodeApi is given by the webview host
  const vscode = acquireVsCodeApi();
  const main = /** @type {HTMLElement} */ (document.getElementById('report'));
  const SEVERITY_ORDER = ['error', 'warning', 'info', 'hint'];

  /** The range in the document of each element that reveals its place when clicked. */
  const sources = new WeakMap();
  /** The blocks drawn, each with the JSON it was drawn from: an unchanged block keeps its element. */
  let drawn = /** @type {{ key: string; node: Element }[]} */ ([]);

  /**
   * @param {string} tag
   * @param {{ range?: { start: { line: number } }; marks?: { severity: string; message: string }[] }} source
   * @param {string} [text]
   */
  function element(tag, source, text) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (source.range) {
      sources.set(node, source.range);
      node.classList.add('source');
      node.dataset.line = String(source.range.start.line);
    }
    const marks = source.marks ?? [];
    if (marks.length > 0) {
      const severity = SEVERITY_ORDER.find((s) => marks.some((m) => m.severity === s)) ?? 'info';
      node.classList.add('mark', `mark-${severity}`);
      node.dataset.severity = severity;
      node.title = marks.map((m) => m.message).join('\n');
    }
    return node;
  }

  /** @param {any} table */
  function tableElement(table) {
    const block = document.createElement('section');
    block.className = 'table-block';
    block.dataset.line = String(table.range.start.line);
    if (table.caption) block.append(element('p', {}, table.caption));
    const grid = element('table', {});
    grid.setAttribute('aria-label', table.name);
    for (const /** @type {any[]} */ row of table.rows) {
      const tr = document.createElement('tr');
      const line = row.find((cell) => cell.range)?.range.start.line;
      if (line !== undefined) tr.dataset.line = String(line);
      for (const cell of row) {
        const td = /** @type {HTMLTableCellElement} */ (element(cell.header ? 'th' : 'td', cell, cell.text));
        if (cell.rowSpan > 1) td.rowSpan = cell.rowSpan;
        if (cell.colSpan > 1) td.colSpan = cell.colSpan;
        td.classList.add(`align-${cell.align}`);
        tr.append(td);
      }
      grid.append(tr);
    }
    block.append(grid);
    return block;
  }

  /** @param {any} block */
  function blockElement(block) {
    switch (block.kind) {
      case 'title':
        return element('h1', block, block.text);
      case 'heading':
        return element(`h${Math.min(block.level + 1, 6)}`, block, block.text);
      case 'paragraph':
        return element('p', block, block.text);
      default:
        return tableElement(block.table);
    }
  }

  /** @param {any} report */
  function render(report) {
    if (!report) {
      main.replaceChildren(element('p', {}, main.dataset.notReport));
      main.classList.add('empty');
      drawn = [];
      return;
    }
    main.classList.remove('empty');
    const blocks = report.title ? [{ kind: 'title', ...report.title }, ...report.blocks] : report.blocks;
    const next = blocks.map((/** @type {unknown} */ block, /** @type {number} */ index) => {
      const key = JSON.stringify(block);
      const old = drawn[index];
      return old && old.key === key && old.node.parentElement === main ? old : { key, node: blockElement(block) };
    });
    next.forEach(({ node }, index) => {
      if (main.children[index] !== node) main.insertBefore(node, main.children[index] ?? null);
    });
    while (main.children.length > next.length) main.lastElementChild?.remove();
    drawn = next;
  }

  /** Brings to the top the innermost element (a block, or a table row) on or before the editor's top line. */
  function scrollTo(/** @type {number} */ line) {
    let target = /** @type {HTMLElement | undefined} */ (undefined);
    for (const node of main.querySelectorAll('[data-line]')) {
      const element = /** @type {HTMLElement} */ (node);
      if (Number(element.dataset.line) <= line) target = element;
    }
    window.scrollTo({ top: target ? target.getBoundingClientRect().top + window.scrollY : 0 });
  }

  function probe() {
    return {
      title: main.querySelector('h1')?.textContent ?? null,
      blocks: main.children.length,
      marked: [...main.querySelectorAll('[data-severity]')].map((node) => {
        const element = /** @type {HTMLElement} */ (node);
        return { text: element.textContent ?? '', severity: element.dataset.severity ?? '', message: element.title };
      }),
    };
  }

  main.addEventListener('click', (event) => {
    const target = /** @type {Element | null} */ (event.target);
    const node = target?.closest('.source');
    // A click that selects text is left to the selection.
    if (!node || String(window.getSelection() ?? '') !== '') return;
    vscode.postMessage({ type: 'reveal', range: sources.get(node) });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'render') render(message.report);
    else if (message.type === 'scroll') scrollTo(message.line);
    else if (message.type === 'probe') vscode.postMessage({ type: 'probed', id: message.id, probe: probe() });
  });
  vscode.postMessage({ type: 'ready' });
})();
