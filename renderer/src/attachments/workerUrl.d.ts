// Vite's `?url` imports: the file is emitted beside the bundle and its URL returned, so the
// PDF worker is served by the app itself (script-src 'self'), never fetched from elsewhere.
declare module '*?url' {
  const url: string;
  export default url;
}
