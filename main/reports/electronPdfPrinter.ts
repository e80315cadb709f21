import { randomUUID } from 'node:crypto';
import type { BrowserWindow, Session, WebContents } from 'electron';
import type { PdfPrinter } from '../../db/reports';
import {
  reportContentSecurityPolicy,
  reportPartition,
  reportScheme,
  reportWindowPreferences,
} from './reportWindow';

type Electron = typeof import('electron');

/**
 * The app's PDF port: printToPDF of a hidden, offline window. The page is served from memory
 * (never a temporary file, which would hold the report in clear on disk) by a handler on the
 * report session only; every other request from that session is cancelled; the window can
 * neither navigate nor open another. Metadata is scrubbed by the caller (scrubPdfMetadata),
 * as for the Chromium printer.
 */
export function createElectronPdfPrinter(
  electron: Pick<Electron, 'BrowserWindow' | 'session'>,
): PdfPrinter {
  const pages = new Map<string, string>();
  let reportSession: Session | undefined;

  const sessionForReports = (): Session => {
    if (reportSession) return reportSession;
    const s = electron.session.fromPartition(reportPartition, { cache: false });
    s.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
    s.setPermissionCheckHandler(() => false);
    s.webRequest.onBeforeRequest((details, callback) => {
      const allowed =
        details.url.startsWith(`${reportScheme}://`) || details.url.startsWith('data:');
      callback({ cancel: !allowed });
    });
    s.protocol.handle(reportScheme, (request) => {
      const id = new URL(request.url).pathname.slice(1);
      const html = pages.get(id);
      if (html === undefined) return new Response('', { status: 404 });
      return new Response(html, {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': reportContentSecurityPolicy,
          'cache-control': 'no-store',
        },
      });
    });
    reportSession = s;
    return s;
  };

  return {
    async printPdf(html: string): Promise<Uint8Array> {
      sessionForReports();
      const id = randomUUID();
      pages.set(id, html);
      const window: BrowserWindow = new electron.BrowserWindow({
        show: false,
        webPreferences: reportWindowPreferences(),
      });
      try {
        window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        window.webContents.on('will-navigate', (event) => event.preventDefault());
        await window.loadURL(`${reportScheme}://report/${id}`);
        await fontsReady(window.webContents);
        const pdf = await window.webContents.printToPDF({
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: false,
          generateTaggedPDF: false,
          generateDocumentOutline: false,
        });
        return new Uint8Array(pdf);
      } finally {
        pages.delete(id);
        window.destroy();
      }
    },
    async close(): Promise<void> {
      pages.clear();
    },
  };
}

/**
 * Waits for the report's fonts: they are decoded after the load event, and a page printed
 * before that is set in a fallback font (the Chromium printer waits the same way). The page's
 * scripts are off; the DevTools protocol evaluates regardless. Should the wait itself fail,
 * the report is printed as it stands. Not run here: it needs the Electron binary.
 */
async function fontsReady(contents: WebContents): Promise<void> {
  const devtools = contents.debugger;
  try {
    devtools.attach('1.3');
    await devtools.sendCommand('Runtime.evaluate', {
      expression: 'document.fonts.ready.then(() => true)',
      awaitPromise: true,
    });
  } catch {
    // Printed without waiting.
  } finally {
    if (devtools.isAttached()) devtools.detach();
  }
}
