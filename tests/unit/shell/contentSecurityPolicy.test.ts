import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from '../../../main/shell/contentSecurityPolicy.js';
import { repoPath } from './paths.js';

const indexHtml = readFileSync(repoPath('renderer/index.html'), 'utf8');

describe('contentSecurityPolicy', () => {
  it('is exactly the policy in docs/security', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; media-src blob:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('allows no inline code, eval or WebAssembly compilation', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|wasm|data:|\*/);
  });

  it('is repeated verbatim in renderer/index.html', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(indexHtml);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
  });
});

describe('renderer/index.html', () => {
  it('has no inline script: every <script> has a src', () => {
    const scripts = [...indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="/);
      expect(body?.trim()).toBe('');
    }
  });

  it('has no inline style, style attribute or inline event handler', () => {
    expect(indexHtml).not.toMatch(/<style\b/i);
    expect(indexHtml).not.toMatch(/\sstyle\s*=/i);
    expect(indexHtml).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('declares its language', () => {
    expect(indexHtml).toMatch(/<html\s[^>]*lang="en"/);
  });
});
