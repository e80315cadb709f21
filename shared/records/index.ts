export * from './identifiers';
export * from './canonicalJson';
