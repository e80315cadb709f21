import type { WebPreferences } from 'electron';

/**
 * The window a report is printed (and previewed) in: hidden, in its own in-memory session,
 * with no JavaScript at all, no Node, sandboxed. The report is served from memory under its
 * own scheme with this CSP: inline styles and data: fonts (the report carries its fonts, the
 * app's CSP allows neither), nothing else. A report is static; nothing in it may run or fetch.
 */
export const reportScheme = 'casebook-report';

export const reportPartition = 'casebook-report';

export const reportContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

export function reportWindowPreferences(): WebPreferences {
  return {
    partition: reportPartition,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    javascript: false,
    webSecurity: true,
    webviewTag: false,
    plugins: false,
    webgl: false,
    spellcheck: false,
    images: true,
    navigateOnDragDrop: false,
  };
}

/**
 * What main/app.ts registers before the app is ready (`protocol.registerSchemesAsPrivileged`),
 * so that the report scheme is a standard, secure origin that can be loaded at all.
 */
export const reportSchemePrivileges = {
  scheme: reportScheme,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: false,
    corsEnabled: false,
    stream: false,
  },
} as const;
