// @vitest-environment jsdom
/**
 * Each hostile vector on its own through the HTML importer (DOMPurify, Readability, the walk into Lectio's model):
 * what comes out is data the service accepts, its links are only http(s) or mailto, and nothing ran. The same vectors
 * go through the real UI in Chromium in e2e/browser/hostile-imports.spec.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XSS_VECTORS } from '@fixtures/xss-vectors';
import { checkStructuredBody } from '@core/import/structured';
import { htmlToArticle } from './html-to-body';

describe(`htmlToArticle against ${XSS_VECTORS.length} hostile vectors`, () => {
  it('turns each into safe data, and runs none', () => {
    let withText = 0;
    for (const vector of XSS_VECTORS) {
      const page = `<!doctype html><html><head><title>Vector</title></head><body><article><p>Before the vector, a sentence of ordinary article text.</p>${vector}<p>After the vector, another ordinary sentence.</p></article></body></html>`;
      const article = htmlToArticle(page);
      for (const mark of article.body.marks) {
        if (mark.kind === 'link') expect(mark.href ?? '', vector).toMatch(/^(https?:\/\/|mailto:)/);
        // A link to another site is kept as a link (it opens in the system browser only when clicked); no script scheme is.
        if (mark.kind === 'link') expect(mark.href ?? '', vector).not.toMatch(/javascript|data:|vbscript|file:/i);
        expect(mark).not.toHaveProperty('style');
      }
      expect('body' in checkStructuredBody(article.body), vector).toBe(true);
      // The text may quote markup (an escaped `&lt;img&gt;` is text), which the Reader shows as text; the structure may not.
      expect(Object.keys(article.body).sort()).toEqual(['blocks', 'marks', 'text']);
      expect(JSON.stringify([article.body.blocks, article.body.marks]), vector).not.toMatch(
        /on\w+=|javascript|<|data:/i,
      );
      if (article.body.text.trim()) withText++;
    }
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(200);
    const dir = path.resolve(__dirname, '../../../test-results/reliability');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'xss-unit.json'),
      `${JSON.stringify({ vectors: XSS_VECTORS.length, producedText: withText }, null, 2)}\n`,
    );
  });
});
