export {
  importJsonLines,
  ImportRefused,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
} from './importJsonLines';
export { exportCsv, exportJsonLines } from './exportRecords';
