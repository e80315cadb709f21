export * from './jsonLines';
export * from './csv';
