export * from './contract';
export { createApi, type CasebookApi, type Invoke, type Listen } from './client';
