// Vite bundles imported stylesheets; the import has no value to type.
declare module '*.css';
