import { isIsoDay, type IsoDay } from '../dates';
import { isModelRecordType, parseRecord, type Vocabulary, type VocabularyName } from '../model';
import {
  defaultExportProfiles,
  findExportProfile,
  leakNeedles,
  redactForProfile,
  type ExportProfile,
  type LeakNeedles,
  type RedactionInput,
  type RedactionSummary,
} from '../redaction';
import { computeReview, reviewRequestProblem, type StatisticsRecord } from '../statistics';
import { defaultVocabularies } from '../vocabularies';
import { buildCaseReport, buildPersonDossier } from './caseReports';
import { reportKinds, type ReportDocument, type ReportKind } from './document';
import { renderReportHtml, reportWording } from './html';
import { isReportLanguage, reportLanguages, type ReportLanguage } from './labels';
import { buildMonitoringReview } from './monitoringReview';
import {
  caseScope,
  listScope,
  personScope,
  RecordSet,
  unionScope,
  type ReportRecord,
  type Scope,
} from './scope';
import { buildWgadCommunication } from './wgadCommunication';

/** What the UI or the CLI asks for. */
export interface ReportRequest {
  readonly kind: ReportKind;
  /** The id of an export profile. */
  readonly profile: string;
  readonly lang: ReportLanguage;
  /** case: a case; person: a person; wgad: a person, or a case (one communication per victim). */
  readonly id?: string;
  /** review: the day the figures are for. */
  readonly asOf?: IsoDay;
  /** review: the period, `to` not counted; both or neither. */
  readonly from?: IsoDay;
  readonly to?: IsoDay;
}

export interface PrepareInput {
  /** The vault's current records (deleted ones left out), in any order. */
  readonly records: Iterable<RedactionInput>;
  /** The day of the export: printed on the report, and the day consent is judged on. */
  readonly today: IsoDay;
  /** The organisation's profiles; the defaults when absent. */
  readonly profiles?: readonly ExportProfile[];
  /** Passages marked for redaction, by record id, kept outside the record bodies. */
  readonly spanMarks?: Readonly<Record<string, readonly unknown[]>>;
}

/** A report ready to print: what the preview shows, and what the leak check looks for. */
export interface PreparedReport {
  readonly request: ReportRequest;
  readonly document: ReportDocument;
  readonly summary: RedactionSummary;
  readonly vocabularies: Readonly<Record<VocabularyName, Vocabulary>>;
  /** Removed values and the spellings to look for. Main process only: it holds the secrets. */
  readonly needles: LeakNeedles;
  /** Records the report would have used but could not read (they fail their schema). */
  readonly unreadable: number;
}

/** A request that cannot be answered, in words the CLI and the UI can show. */
export class ReportRequestError extends RangeError {
  override readonly name = 'ReportRequestError';
}

/** What is wrong with a request, before any record is read, or undefined. */
export function reportRequestProblem(
  request: ReportRequest,
  profiles: readonly ExportProfile[] = defaultExportProfiles,
): string | undefined {
  if (!(reportKinds as readonly string[]).includes(request.kind)) {
    return `the kind of report must be one of: ${reportKinds.join(', ')}`;
  }
  if (!findExportProfile(request.profile, profiles)) {
    return `there is no export profile "${String(request.profile).slice(0, 40)}"; the profiles are: ${profiles.map((p) => p.id).join(', ')}`;
  }
  if (!isReportLanguage(request.lang))
    return `the language must be one of: ${reportLanguages.join(', ')}`;
  if (request.kind === 'review') {
    if (request.asOf === undefined) return 'a review needs the day its figures are for (as of)';
    return reviewRequestProblem({
      asOf: request.asOf,
      ...(request.from === undefined ? {} : { from: request.from }),
      ...(request.to === undefined ? {} : { to: request.to }),
    });
  }
  if (request.id === undefined)
    return `a ${request.kind} report needs the id of its ${request.kind === 'case' ? 'case' : 'person'}`;
  if (!isIsoDay(request.asOf ?? '2000-01-01')) return 'the as-of day must be written YYYY-MM-DD';
  return undefined;
}

/** The vault's vocabularies over the defaults, so a term the vault lacks still has a label. */
export function vocabulariesOf(
  records: readonly RedactionInput[],
): Record<VocabularyName, Vocabulary> {
  const out = defaultVocabularies();
  for (const record of records) {
    if (record.type !== 'vocabulary') continue;
    const parsed = parseRecord('vocabulary', record.body);
    if (parsed.ok && parsed.value.name in out)
      out[parsed.value.name as VocabularyName] = parsed.value;
  }
  return out;
}

/**
 * Chooses the records of a report, redacts them under the profile, and builds the document.
 * Pure: the caller reads the vault, prints and writes. Records that fail their schema are
 * left out and counted, never guessed at.
 */
export function prepareReport(request: ReportRequest, input: PrepareInput): PreparedReport {
  const profiles = input.profiles ?? defaultExportProfiles;
  const problem = reportRequestProblem(request, profiles);
  if (problem) throw new ReportRequestError(problem);
  const profile = findExportProfile(request.profile, profiles)!;
  const parsed: RedactionInput[] = [];
  let unreadable = 0;
  for (const record of recordsToRead(request, input.records)) {
    const result = parseRecord(record.type, record.body);
    if (result.ok) parsed.push({ id: record.id, type: record.type, body: result.value });
    else unreadable++;
  }
  const all = new RecordSet(parsed);
  const vocabularies = vocabulariesOf(parsed);
  const missing = (what: string) =>
    new ReportRequestError(`there is no ${what} with the id ${String(request.id).slice(0, 64)}`);

  let scope: Scope;
  let build: (set: ReturnType<typeof redactForProfile>) => ReportDocument;
  switch (request.kind) {
    case 'case': {
      scope =
        caseScope(all, request.id!) ??
        (() => {
          throw missing('case');
        })();
      build = (set) => buildCaseReport(set, request.id!, input.today);
      break;
    }
    case 'person': {
      scope =
        personScope(all, request.id!) ??
        (() => {
          throw missing('person');
        })();
      build = (set) => buildPersonDossier(set, all, request.id!, input.today);
      break;
    }
    case 'wgad': {
      const subjects = wgadSubjects(all, request.id!);
      if (subjects.length === 0) throw missing('person, or case with a victim,');
      scope = unionScope(subjects.map((id) => personScope(all, id)!));
      build = (set) => buildWgadCommunication(set, all, subjects, input.today);
      break;
    }
    case 'review': {
      const review = computeReview({
        records: parsed.filter((r) => r.type !== 'vocabulary') as StatisticsRecord[],
        asOf: request.asOf!,
        ...(request.from === undefined ? {} : { from: request.from }),
        ...(request.to === undefined ? {} : { to: request.to }),
      });
      scope = listScope(all, review.politicalPrisoners.today.total.ids);
      build = (set) => buildMonitoringReview(review, set, all, input.today);
      break;
    }
  }
  const set = redactForProfile(scope.records, profile, {
    onDay: input.today,
    roles: scope.roles,
    ...(input.spanMarks ? { spanMarks: input.spanMarks } : {}),
  });
  const document = build(set);
  let needles: LeakNeedles | undefined;
  return {
    request,
    document,
    summary: set.summary,
    vocabularies,
    unreadable,
    // Made when first asked for: the PDF path asks while Chromium prints.
    get needles() {
      needles ??= leakNeedles(set.removed, {
        shownNames: set.shownNames,
        wording: [
          ...reportWording(request.lang, vocabularies),
          ...Object.values(profile.labels).filter((l) => l !== undefined),
        ],
      });
      return needles;
    },
  };
}

/**
 * The records a report can use, before any is checked against its schema. A case report or a
 * dossier uses a few records of the vault: they are chosen first on the bodies as stored, and
 * only those are checked (checking every record was most of a case report's time). Links read
 * the same before and after the check (the schemas change no value), so this is every record
 * the report would choose among the checked ones, and perhaps a few more (reached through a
 * record that then fails its check); the report chooses again among the checked ones.
 */
function recordsToRead(request: ReportRequest, records: Iterable<RedactionInput>) {
  const models: ReportRecord[] = [];
  for (const record of records) {
    if (isModelRecordType(record.type) && record.body !== null) models.push(record as ReportRecord);
  }
  if (request.kind !== 'case' && request.kind !== 'person') return models;
  const stored = new RecordSet(models);
  const scope =
    request.kind === 'case' ? caseScope(stored, request.id!) : personScope(stored, request.id!);
  if (!scope) return models;
  return [...scope.records, ...models.filter((record) => record.type === 'vocabulary')];
}

/** A person id as it stands, or the victims of a case (its involvements, then its acts). */
function wgadSubjects(all: RecordSet, id: string): string[] {
  if (all.get(id, 'person')) return [id];
  const theCase = all.get(id, 'case');
  if (!theCase) return [];
  const victims = new Set<string>();
  const body = theCase.body as { involvements?: { personId?: unknown; role?: unknown }[] };
  for (const inv of Array.isArray(body.involvements) ? body.involvements : []) {
    if (
      inv?.role === 'victim' &&
      typeof inv.personId === 'string' &&
      all.get(inv.personId, 'person')
    ) {
      victims.add(inv.personId);
    }
  }
  for (const act of all.ofType('act')) {
    const a = act.body as { caseId?: unknown; victimId?: unknown };
    if (a.caseId === id && typeof a.victimId === 'string' && all.get(a.victimId, 'person'))
      victims.add(a.victimId);
  }
  return [...victims];
}

/** The report as HTML, with the fonts given (db/reports makes them). */
export function preparedReportHtml(
  report: PreparedReport,
  fontFaceCss: string,
  options: { stylesheetHref?: string } = {},
): string {
  return renderReportHtml(report.document, {
    lang: report.request.lang,
    vocabularies: report.vocabularies,
    fontFaceCss,
    ...(options.stylesheetHref === undefined ? {} : { stylesheetHref: options.stylesheetHref }),
  });
}
