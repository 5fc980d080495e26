/**
 * What pdf.js's display layer expects to find before it loads. Its legacy build borrows DOMMatrix from the native
 * @napi-rs/canvas package when Node lacks one, but the bundled app ships no node_modules, so in the app that borrowing
 * fails and the module's first line of canvas code (`new DOMMatrix()` for a constant scale matrix) would throw on load.
 * Lectio only reads text and never renders a page, so an identity matrix is all that line needs; anything that would
 * actually draw fails loudly instead of drawing wrong. Imported before pdf.js (pdf-read.ts), where import order holds.
 */
if (!('DOMMatrix' in globalThis)) {
  class TextOnlyDOMMatrix {
    readonly a = 1;
    readonly b = 0;
    readonly c = 0;
    readonly d = 1;
    readonly e = 0;
    readonly f = 0;
    constructor(init?: unknown) {
      if (init !== undefined) throw new Error('Lectio reads the text of PDFs and does not render their pages.');
    }
  }
  Object.defineProperty(globalThis, 'DOMMatrix', { value: TextOnlyDOMMatrix, configurable: true, writable: true });
}
