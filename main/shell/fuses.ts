// Electron fuses for the packaged app, in electron-builder's `electronFuses` key names.
// electron-builder.yml must carry the same values (a unit test compares them): fuses are
// flipped in the binary at packaging time, so they cannot be set from code at runtime.
export const electronFuses = {
  // Otherwise ELECTRON_RUN_AS_NODE turns the signed app binary into a plain Node
  // interpreter that runs any script with the app's identity and permissions.
  runAsNode: false,
  // NODE_OPTIONS could preload arbitrary code into the main process.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect would open a debugger on the process that holds the vault key.
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  // Refuse to start if app.asar was modified after signing.
  enableEmbeddedAsarIntegrityValidation: true,
  // Without this, an app/ folder placed next to app.asar would be loaded instead.
  onlyLoadAppFromAsar: true,
  // The UI is served from app://, so file:// pages need none of their legacy privileges.
  grantFileProtocolExtraPrivileges: false,
} as const;
