import type { Command } from '../context';
import { attach, attachments, extract, verify } from './attachmentCommands';
import { bundle, conflicts, identity, trust } from './bundleCommands';
import { exportRecords, importFile, schema } from './interchangeCommands';
import { deleteRecord, get, history, list, put } from './recordCommands';
import { report } from './reportCommand';
import { exportImage } from './imageExportCommand';
import { search } from './searchCommand';
import { stats } from './statsCommand';
import { erase, init, passwd } from './vaultCommands';

export const commands: Record<string, Command> = {
  init,
  put,
  get,
  list,
  history,
  delete: deleteRecord,
  import: importFile,
  export: exportRecords,
  schema,
  search,
  stats,
  report,
  passwd,
  erase,
  bundle,
  identity,
  trust,
  conflicts,
  attach,
  attachments,
  extract,
  verify,
  'export-image': exportImage,
};
