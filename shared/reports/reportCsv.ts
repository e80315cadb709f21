import { csvByteOrderMark, csvRow } from '../interchange';
import type { ReportText, TextSection } from './reportText';

/**
 * The tables and figures of a report as CSV, for spreadsheets: each table under a line naming
 * its section, a blank line between tables. Cells go through the interchange format's CSV
 * writer, which neutralises formulas (a name beginning with "=" stays text).
 */
export function reportCsv(report: ReportText): string {
  const out: string[] = [csvByteOrderMark];
  const visit = (section: TextSection, path: readonly string[]) => {
    const here = [...path, section.heading];
    for (const block of section.blocks) {
      if ('table' in block) {
        out.push(
          csvRow([here.join(' / ')]),
          csvRow(block.table.head),
          ...block.table.rows.map((row) => csvRow(row)),
          '\r\n',
        );
      } else if ('fields' in block) {
        out.push(
          csvRow([here.join(' / ')]),
          ...block.fields.map((f) => csvRow([f.label, ...f.values])),
          '\r\n',
        );
      } else if ('figures' in block) {
        out.push(
          csvRow([here.join(' / ')]),
          ...block.figures.map((f) =>
            csvRow([
              f.label,
              String(f.count),
              String(f.upTo),
              ...(f.asKnownOn ? [String(f.asKnownOn.count), String(f.asKnownOn.upTo)] : []),
            ]),
          ),
          '\r\n',
        );
      } else if ('chart' in block) {
        out.push(
          csvRow([here.join(' / '), block.chart.title]),
          ...block.chart.bars.map((b) => csvRow([b.label, String(b.count), String(b.upTo)])),
          '\r\n',
        );
      }
    }
    for (const child of section.sections) visit(child, here);
  };
  for (const section of report.sections) visit(section, [report.title]);
  return out.join('');
}
