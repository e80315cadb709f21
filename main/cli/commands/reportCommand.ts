import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VaultError } from '../../../db';
import {
  exportFormats,
  launchChromiumPdfPrinter,
  readReportProfiles,
  renderReport,
  writeReportFile,
  type ExportFormat,
  type PdfPrinter,
} from '../../../db/reports';
import {
  defaultExportProfiles,
  describeFinding,
  parseExportProfile,
  type ExportProfile,
} from '../../../shared/redaction';
import {
  prepareReport,
  reportKinds,
  reportLanguages,
  reportRequestProblem,
  ReportRequestError,
  type ReportKind,
  type ReportLanguage,
  type ReportRequest,
} from '../../../shared/reports';
import { withVault, type CliOptions, type Command } from '../context';

const invalid = (message: string) => new VaultError('invalid_input', message);

/**
 * `--profile public`, or `--profile FILE.json`: a profile the organisation wrote. A name finds
 * the vault's own profiles first (as edited in the app), then the shipped ones.
 */
function profilesFor(
  option: string | undefined,
  stored: readonly ExportProfile[],
): {
  profiles: readonly ExportProfile[];
  id: string;
} {
  if (option === undefined) {
    throw invalid(
      `report needs --profile: one of ${stored.map((p) => p.id).join(', ')}, or a profile file (.json).`,
    );
  }
  if (!option.endsWith('.json')) return { profiles: stored, id: option };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(option, 'utf8'));
  } catch {
    throw invalid(
      `The profile file ${option} cannot be read as JSON. Check the path and its contents.`,
    );
  }
  const result = parseExportProfile(parsed);
  if (!result.ok)
    throw invalid(`The profile file ${option} is not a profile: ${result.errors.join('; ')}.`);
  return {
    profiles: [result.value, ...stored.filter((p) => p.id !== result.value.id)],
    id: result.value.id,
  };
}

function formatFor(options: CliOptions, out: string): ExportFormat {
  const format = options.format ?? path.extname(out).slice(1).toLowerCase();
  if (!(exportFormats as readonly string[]).includes(format)) {
    throw invalid(
      `report writes ${exportFormats.join(', ')}: name the file FILE.pdf (or .html, .json, .csv), or add --format.`,
    );
  }
  return format as ExportFormat;
}

/**
 * `casebook report --kind case|person|review|wgad --profile P [--id ID | --as-of D] --out FILE`:
 * a redacted report, checked for every removed value before it is written.
 */
export const report: Command = async (_args, options, io) => {
  if (!options.kind || !(reportKinds as readonly string[]).includes(options.kind)) {
    throw invalid(`report needs --kind: one of ${reportKinds.join(', ')}.`);
  }
  if (!options.out)
    throw invalid('report needs --out FILE: a report is written to a file, never to the terminal.');
  const format = formatFor(options, options.out);
  // A profile file is checked before the vault is opened: a typo costs no passphrase.
  if (options.profile?.endsWith('.json')) profilesFor(options.profile, defaultExportProfiles);
  const lang = options.lang ?? 'en';
  if (!(reportLanguages as readonly string[]).includes(lang)) {
    throw invalid(`--lang takes one of ${reportLanguages.join(', ')}.`);
  }
  const requested: Omit<ReportRequest, 'profile'> = {
    kind: options.kind as ReportKind,
    lang: lang as ReportLanguage,
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
  };
  io.note('\rreading the vault...');
  const { records, stored } = await withVault(options, (vault) => ({
    records: [...vault.list()].map((record) => ({
      id: record.id,
      type: record.type,
      body: record.body,
    })),
    stored: readReportProfiles(vault).profiles,
  }));
  const { profiles, id: profile } = profilesFor(options.profile, stored);
  const request: ReportRequest = { ...requested, profile };
  const problem = reportRequestProblem(request, profiles);
  if (problem) throw invalid(`${problem[0]!.toUpperCase()}${problem.slice(1)}.`);

  let prepared;
  try {
    prepared = prepareReport(request, {
      records,
      today: new Date().toISOString().slice(0, 10),
      profiles,
    });
  } catch (error) {
    if (error instanceof ReportRequestError)
      throw invalid(`${error.message[0]!.toUpperCase()}${error.message.slice(1)}.`);
    throw error;
  }
  let printer: PdfPrinter | undefined;
  try {
    if (format === 'pdf') {
      io.note('\rstarting Chromium...      ');
      printer = await launchChromiumPdfPrinter();
    }
    const rendered = await renderReport(prepared, format, {
      ...(printer ? { printer } : {}),
      onProgress: ({ stage, done, total }) =>
        io.note(`\r${stage}${total ? ` page ${done} of ${total}` : ''}...          `),
    });
    io.note('\r                                        \r');
    if (!rendered.ok) {
      throw new VaultError(
        'report_leak',
        `Nothing was written: the ${format.toUpperCase()} still holds values the profile removes. ` +
          `${rendered.leaks.slice(0, 10).map(describeFinding).join('; ')}` +
          `${rendered.leaks.length > 10 ? `; and ${rendered.leaks.length - 10} more` : ''}. ` +
          'Mark the passages that repeat them for redaction, or choose a stricter profile.',
      );
    }
    writeReportFile(options.out, rendered.bytes);
    const { summary } = prepared;
    io.note(
      `Written to ${options.out}${rendered.pages ? ` (${rendered.pages} pages)` : ''}. ` +
        `${summary.values.remove} values removed, ${summary.values.pseudonymise} pseudonymised, ${summary.values.coarsen} coarsened` +
        `${summary.excluded.length ? `; ${summary.excluded.length} testimonies left out for their consent` : ''}` +
        `${prepared.unreadable ? `; ${prepared.unreadable} records that do not match their type were left out` : ''}.\n`,
    );
  } finally {
    await printer?.close();
  }
};
