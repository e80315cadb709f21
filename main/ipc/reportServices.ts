import path from 'node:path';

import { VaultError } from '../../db';
import { createReportService, type ExportFormat, type PdfPrinter } from '../../db/reports';
import type { CasebookError } from '../../shared/errors';
import type { ChannelArgs, ReportFormat, TaskStage } from '../../shared/ipc/contract';
import { describeFinding, type LeakFinding } from '../../shared/redaction';
import { ReportRequestError, reportRequestProblem, type ReportRequest } from '../../shared/reports';
import type { VaultHost } from '../vaultHost/vaultHost';
import type { Services } from './router';
import { runTask, type TaskRegistry } from './tasks';

/** What reports need from the shell: a printer and the save dialog (Electron's, or a test's). */
export interface ReportPorts {
  /** Made when first needed; the app's prints with printToPDF of a hidden offline window. */
  printer(): Promise<PdfPrinter>;
  /** The system's save dialog; null when the user closes it. */
  chooseReportFile(suggestedName: string, format: ReportFormat): Promise<string | null>;
}

/** A report that still holds a removed value: which record and field, never the value. */
export class ReportLeakError extends VaultError {
  constructor(readonly leaks: readonly LeakFinding[]) {
    super(
      'report_leak',
      `Nothing was written: the report still holds values the profile removes (${leaks
        .slice(0, 5)
        .map(describeFinding)
        .join(
          '; ',
        )}). Mark the passages that repeat them for redaction, or choose a stricter profile.`,
    );
  }

  /** `path` is type/record/field/how, for the page to put into words in its own language. */
  override toValue(): CasebookError {
    return {
      code: this.code,
      message: this.message.slice(0, 4_000),
      fields: this.leaks.slice(0, 500).map((leak) => ({
        path: `${leak.type}/${leak.recordId}/${leak.path}/${leak.how}`.slice(0, 500),
        message: describeFinding(leak).slice(0, 1_000),
      })),
    };
  }
}

type ReportChannel =
  | 'reports.profiles'
  | 'reports.saveProfile'
  | 'reports.resetProfile'
  | 'reports.preview'
  | 'reports.export';

/** Where the preview's stylesheet is: renderer/public, served beside the page. */
export const previewStylesheetHref = 'report-preview.css';

const stageOf = {
  reading: 'render',
  redacting: 'render',
  printing: 'print',
  checking: 'checkLeaks',
  writing: 'write',
  done: 'write',
} as const satisfies Record<string, TaskStage>;

function requestOf(args: ChannelArgs<'reports.preview'>): ReportRequest {
  return Object.fromEntries(
    Object.entries(args).filter(([, value]) => value !== undefined),
  ) as unknown as ReportRequest;
}

/** A request that cannot be answered (no such case, a day missing) as an error the page shows. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReportRequestError) {
      throw new VaultError(
        'invalid_input',
        `${error.message[0]!.toUpperCase()}${error.message.slice(1)}.`,
      );
    }
    throw error;
  }
}

function suggestedName(request: ReportRequest, format: ExportFormat): string {
  // Ids are Latin letters, digits, - and _ (never names): safe in a file name.
  const subject = request.id ?? request.asOf ?? 'report';
  return `${request.kind}-${subject}-${request.profile}.${format}`;
}

/**
 * The report channels: preview and export run the report service of db/reports over the
 * records of the vault's worker, with the profiles stored in the vault. Redaction, the removed
 * values and the leak check stay in this process; the page gets the HTML and the summary.
 */
export function createReportServices(
  host: VaultHost,
  tasks: TaskRegistry,
  ports: ReportPorts | undefined,
): Pick<Services, ReportChannel> {
  let printer: Promise<PdfPrinter> | undefined;
  const profiles = async () => (await host.call('reportProfiles', {})).profiles;
  const service = createReportService({
    records: () => host.call('reportRecords', {}),
    profiles,
    printer: () => {
      if (!ports) throw new VaultError('invalid_request', 'This window cannot print reports.');
      printer ??= ports.printer();
      // A printer that failed to start is tried again next time.
      printer.catch(() => (printer = undefined));
      return printer;
    },
    previewStylesheetHref,
  });
  const profileList = () => host.call('reportProfiles', {});

  return {
    'reports.profiles': () => profileList(),
    'reports.saveProfile': async ({ profile }) => {
      await host.call('saveReportProfile', { profile });
      return profileList();
    },
    'reports.resetProfile': async ({ id }) => {
      await host.call('resetReportProfile', { id });
      return profileList();
    },
    'reports.preview': (args) =>
      answering(async () => {
        const preview = await service.preview(requestOf(args));
        const { summary } = preview;
        return {
          html: preview.html,
          summary: {
            ...summary,
            fields: { ...summary.fields },
            excluded: summary.excluded.map(({ type, reason }) => ({ type, reason })),
          },
          unreadable: preview.unreadable,
        };
      }),
    'reports.export': ({ format, taskId, ...args }, caller) =>
      runTask(tasks, taskId, caller, (task) =>
        answering(async () => {
          if (!ports) throw new VaultError('invalid_request', 'This window cannot save reports.');
          const request = requestOf(args);
          // A request that cannot be answered is refused before the dialog asks for a file.
          const problem = reportRequestProblem(request, await profiles());
          if (problem) throw new ReportRequestError(problem);
          const file = await ports.chooseReportFile(suggestedName(request, format), format);
          if (file === null) return { saved: false };
          const result = await service.export(request, file, format, {
            signal: task.signal,
            onProgress: ({ stage, done, total }) =>
              task.progress(done ?? 0, total ?? null, stageOf[stage]),
          });
          if (!result.ok) throw new ReportLeakError(result.leaks);
          return {
            saved: true,
            fileName: path.basename(file),
            bytes: result.bytes,
            ...(result.pages === undefined ? {} : { pages: result.pages }),
          };
        }),
      ),
  };
}
