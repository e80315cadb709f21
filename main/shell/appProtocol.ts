import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { contentSecurityPolicy } from './contentSecurityPolicy.js';
import { APP_ORIGIN } from './origin.js';

// Only what the Vite build emits. An unknown extension is refused rather than served as
// application/octet-stream, so a stray file in the build folder is not reachable.
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(fileName: string): string | undefined {
  return MIME_TYPES[path.extname(fileName).toLowerCase()];
}

export interface AppFile {
  readonly filePath: string;
  readonly mimeType: string;
}

/**
 * Maps `app://casebook/<path>` to a file inside `rendererRoot`, or `undefined` if the
 * request must be refused.
 *
 * Chromium has already normalised the URL by the time the handler sees it, so `..`
 * should never arrive; this function does not rely on that. It reads the path from
 * the raw string (URL parsing would silently resolve `..` and `%2e%2e` and hide the
 * attempt), refuses anything that is not a plain relative file name after one round of
 * percent-decoding, and finally checks that the joined path is still inside the root.
 */
export function resolveAppUrl(url: string, rendererRoot: string): AppFile | undefined {
  const prefix = `${APP_ORIGIN}/`;
  if (!url.startsWith(prefix)) return undefined;

  const rawPath = url.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  // Backslashes are separators on Windows, so `..\\` would escape where `../` is caught.
  if (rawPath.includes('\\')) return undefined;

  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath === '' ? 'index.html' : rawPath);
  } catch {
    return undefined;
  }
  // After one decoding there must be nothing left to decode: `%252e%252e` is an
  // attempt to get `..` past a second decoder somewhere, not a real file name.
  if (/[\\%\0:]/.test(decoded)) return undefined;

  const segments = decoded.split('/');
  // An empty segment means a leading slash (absolute path), `//` or a trailing slash.
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return undefined;
  }

  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;

  const mimeType = mimeTypeFor(filePath);
  if (mimeType === undefined) return undefined;
  return { filePath, mimeType };
}

/** Headers sent with every app:// response. */
export function responseHeaders(mimeType: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': contentSecurityPolicy,
    // Stops Chromium from second-guessing the type above (a .txt run as script).
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

export type ReadFile = (filePath: string) => Promise<Uint8Array>;

/**
 * The `protocol.handle('app', …)` handler: serves the built renderer and nothing else.
 * Kept free of Electron so the unit tests can call it with a plain Request.
 */
export function createAppProtocolHandler(
  rendererRoot: string,
  read: ReadFile = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const file = resolveAppUrl(request.url, rendererRoot);
    if (!file) return new Response(null, { status: 404 });
    let body: Uint8Array;
    try {
      body = await read(file.filePath);
    } catch {
      // Same answer as a refused path: the renderer learns nothing about the disk.
      return new Response(null, { status: 404 });
    }
    return new Response(body, { status: 200, headers: responseHeaders(file.mimeType) });
  };
}
