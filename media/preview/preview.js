// @ts-check
// The report preview's page (see client/src/preview.ts): draws the PublishedReport it is sent,
// replacing only the blocks that changed so the page neither flickers nor loses its place; scrolls to
// the line the editor shows at its top, and tells the line at its own top when the user scrolls it;
// reveals in the editor what is clicked; answers probes. Its state keeps the document it previews,
// for the preview's restore after a reload.
(function () {
  // @ts-expect-error acquireVsCodeApi is given by the webview host
  const vscode = acquireVsCodeApi();
  const main = /** @type {HTMLElement} */ (document.getElementById('report'));
  vscode.setState({ document: main.dataset.document });
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

  /** The elements drawn from a line of the document (blocks, table rows, cells), in the page's order. */
  function lineElements() {
    return /** @type {HTMLElement[]} */ ([...main.querySelectorAll('[data-line]')]);
  }

  /** The page's offset of the innermost element (a block, or a table row) on or before `line`. */
  function offsetOfLine(/** @type {number} */ line) {
    const target = lineElements()
      .filter((element) => Number(element.dataset.line) <= line)
      .pop();
    return target ? target.getBoundingClientRect().top + window.scrollY : 0;
  }

  /**
   * The line at the top of the page: that of the last element starting at or above it, plus the part
   * of the lines up to the next element's that has scrolled past (a block spans several lines).
   */
  function lineAtTop() {
    const elements = lineElements();
    let index = elements.length - 1;
    while (index >= 0 && elements[index].getBoundingClientRect().top > 1) index--;
    if (index < 0) return 0;
    const line = Number(elements[index].dataset.line);
    const top = elements[index].getBoundingClientRect().top;
    const next = elements.slice(index + 1).find((element) => Number(element.dataset.line) > line);
    if (!next) return line;
    const nextTop = next.getBoundingClientRect().top;
    const passed = nextTop > top ? -top / (nextTop - top) : 0;
    return line + Math.floor(passed * (Number(next.dataset.line) - line));
  }

  /** Where the page was scrolled to follow the editor: the scroll event that follows is not the user's. */
  let followedScrollY = /** @type {number | undefined} */ (undefined);

  function followEditor(/** @type {number} */ line) {
    window.scrollTo({ top: offsetOfLine(line) });
    // Read back: the page cannot scroll past its end.
    followedScrollY = window.scrollY;
  }

  window.addEventListener('scroll', () => {
    const followed = followedScrollY !== undefined && Math.abs(window.scrollY - followedScrollY) < 1;
    followedScrollY = undefined;
    if (!followed) vscode.postMessage({ type: 'scrolled', line: lineAtTop() });
  });

  function probe() {
    return {
      title: main.querySelector('h1')?.textContent ?? null,
      blocks: main.children.length,
      marked: [...main.querySelectorAll('[data-severity]')].map((node) => {
        const element = /** @type {HTMLElement} */ (node);
        return { text: element.textContent ?? '', severity: element.dataset.severity ?? '', message: element.title };
      }),
      topLine: lineAtTop(),
      state: vscode.getState(),
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
    else if (message.type === 'scroll') followEditor(message.line);
    // For tests: what the user's scrolling does.
    else if (message.type === 'scrollAsUser') window.scrollTo({ top: offsetOfLine(message.line) });
    else if (message.type === 'probe') vscode.postMessage({ type: 'probed', id: message.id, probe: probe() });
  });
  vscode.postMessage({ type: 'ready' });
})();
