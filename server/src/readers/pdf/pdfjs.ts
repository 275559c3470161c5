/**
 * pdf.js, loaded once and run in this thread: no worker file, no canvas, no console output.
 *
 * - pdf.js runs its "fake worker" from the worker module found on globalThis.pdfjsWorker instead
 *   of loading a worker script (a bundle has none).
 * - In Node, pdf.js's legacy build polyfills DOMMatrix from the optional @napi-rs/canvas package,
 *   which a bundle cannot load; it needs a DOMMatrix as it loads, and to compile Type 3 glyphs.
 *   Where there is none, a 2-D one with what pdf.js uses outside rendering stands in.
 * - As it loads in Node, pdf.js warns (console.warn) that it could not load that package; its
 *   `verbosity: 0` option only applies once it is loaded, so its warnings are muted while it loads.
 */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PdfJs> {
  const global = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
  global.DOMMatrix ??= PlaneMatrix;
  const warn = console.warn;
  console.warn = () => {};
  try {
    global.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    console.warn = warn;
  }
}

/** An affine matrix [a b c d e f] with the DOMMatrix members pdf.js uses when it does not render. */
class PlaneMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number>) {
    if (init && init.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init);
  }

  scaleSelf(sx = 1, sy = sx): this {
    [this.a, this.b, this.c, this.d] = [this.a * sx, this.b * sx, this.c * sy, this.d * sy];
    return this;
  }

  translateSelf(tx = 0, ty = 0): this {
    [this.e, this.f] = [this.a * tx + this.c * ty + this.e, this.b * tx + this.d * ty + this.f];
    return this;
  }
}
