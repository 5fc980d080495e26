import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';

describe('Content-Security-Policy', () => {
  it('is the same in index.html (Electron) and in browser mode’s headers', () => {
    const html = readFileSync(path.resolve(__dirname, '../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no inline or remote script, and no remote connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });
});
