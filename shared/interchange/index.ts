export * from './jsonLines';
export * from './csv';
export { interchangeJsonSchema } from './jsonSchema';
