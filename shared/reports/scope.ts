import { isModelRecordType, type RecordType } from '../model';
import type { PseudonymRole, RedactionInput } from '../redaction';

/**
 * Which records a report is made of, chosen from the unredacted records (ids and links are
 * read here, before redaction may remove them), in the order the document shows them, so
 * that pseudonyms are handed out in reading order.
 */

export interface ReportRecord extends RedactionInput {
  readonly type: RecordType;
}

export class RecordSet {
  readonly byId = new Map<string, ReportRecord>();
  private readonly byType = new Map<RecordType, ReportRecord[]>();

  constructor(records: Iterable<RedactionInput>) {
    for (const record of records) {
      if (
        !isModelRecordType(record.type) ||
        record.body === null ||
        typeof record.body !== 'object'
      ) {
        continue;
      }
      const typed = record as ReportRecord;
      this.byId.set(typed.id, typed);
      const list = this.byType.get(typed.type) ?? [];
      list.push(typed);
      this.byType.set(typed.type, list);
    }
  }

  ofType(type: RecordType): readonly ReportRecord[] {
    return this.byType.get(type) ?? [];
  }

  get(id: string, type?: RecordType): ReportRecord | undefined {
    const record = this.byId.get(id);
    return record && (type === undefined || record.type === type) ? record : undefined;
  }
}

export interface Scope {
  /** The records of the report, in reading order. */
  readonly records: readonly ReportRecord[];
  /** The part each person plays, which starts their pseudonym. */
  readonly roles: ReadonlyMap<string, PseudonymRole>;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const bodyOf = (record: ReportRecord) => record.body as Record<string, unknown>;

const roleWords = new Set<string>([
  'victim',
  'perpetrator',
  'witness',
  'source',
  'lawyer',
  'judge',
  'prosecutor',
  'investigator',
]);

class ScopeBuilder {
  private readonly chosen = new Map<string, ReportRecord>();
  readonly roles = new Map<string, PseudonymRole>();

  constructor(private readonly all: RecordSet) {}

  add(record: ReportRecord | undefined): void {
    if (record && !this.chosen.has(record.id)) this.chosen.set(record.id, record);
  }

  role(personId: string | undefined, role: PseudonymRole): void {
    if (personId !== undefined && !this.roles.has(personId)) this.roles.set(personId, role);
  }

  /** Every person a chosen record points to, so that each can be labelled. */
  addPeopleReferenced(): void {
    for (const record of [...this.chosen.values()]) {
      const body = bodyOf(record);
      const ids: (string | undefined)[] = [];
      switch (record.type) {
        case 'case':
          for (const inv of Array.isArray(body.involvements) ? body.involvements : []) {
            const id = str((inv as Record<string, unknown>)?.personId);
            const role = str((inv as Record<string, unknown>)?.role);
            this.role(id, role && roleWords.has(role) ? (role as PseudonymRole) : 'person');
            ids.push(id);
          }
          break;
        case 'act':
          this.role(str(body.victimId), 'victim');
          ids.push(str(body.victimId));
          for (const id of strings(body.perpetratorIds)) {
            this.role(id, 'perpetrator');
            ids.push(id);
          }
          break;
        case 'detention':
          ids.push(str(body.personId));
          break;
        case 'proceeding':
          ids.push(str(body.personId));
          for (const official of ['judge', 'prosecutor'] as const) {
            const id = str((body[official] as Record<string, unknown> | undefined)?.personId);
            this.role(id, official);
            ids.push(id);
          }
          break;
        case 'person': {
          const relatives = (body.contacts as { relatives?: unknown } | undefined)?.relatives;
          for (const relative of Array.isArray(relatives) ? relatives : []) {
            const id = str((relative as Record<string, unknown>)?.personId);
            this.role(id, 'relative');
            ids.push(id);
          }
          break;
        }
        case 'testimony':
          this.role(str(body.intervieweeId), 'witness');
          ids.push(str(body.intervieweeId));
          break;
      }
      for (const id of ids) if (id !== undefined) this.add(this.all.get(id, 'person'));
    }
  }

  /** Sources about any chosen record. */
  addSources(): void {
    for (const source of this.all.ofType('source')) {
      if (strings(bodyOf(source).about).some((id) => this.chosen.has(id))) this.add(source);
    }
  }

  build(): Scope {
    const order: RecordType[] = [
      'case',
      'person',
      'act',
      'detention',
      'proceeding',
      'testimony',
      'source',
    ];
    const records = [...this.chosen.values()].sort(
      (a, b) => order.indexOf(a.type) - order.indexOf(b.type),
    );
    return { records, roles: this.roles };
  }
}

function linkedToCase(all: RecordSet, caseId: string, builder: ScopeBuilder): void {
  for (const type of ['act', 'detention', 'proceeding'] as const) {
    for (const record of all.ofType(type))
      if (bodyOf(record).caseId === caseId) builder.add(record);
  }
  for (const testimony of all.ofType('testimony')) {
    if (strings(bodyOf(testimony).caseIds).includes(caseId)) builder.add(testimony);
  }
}

/** A case, what points to it (acts, detentions, proceedings, testimonies), its people, sources. */
export function caseScope(all: RecordSet, caseId: string): Scope | undefined {
  const theCase = all.get(caseId, 'case');
  if (!theCase) return undefined;
  const builder = new ScopeBuilder(all);
  builder.add(theCase);
  linkedToCase(all, caseId, builder);
  builder.addPeopleReferenced();
  builder.addSources();
  return builder.build();
}

/** A person, every record about them, the cases they are part of, the people those name. */
export function personScope(all: RecordSet, personId: string): Scope | undefined {
  const person = all.get(personId, 'person');
  if (!person) return undefined;
  const builder = new ScopeBuilder(all);
  builder.add(person);
  builder.role(personId, 'person');
  for (const theCase of all.ofType('case')) {
    const involved = (
      Array.isArray(bodyOf(theCase).involvements) ? bodyOf(theCase).involvements : []
    ) as unknown[];
    if (involved.some((inv) => (inv as Record<string, unknown>)?.personId === personId))
      builder.add(theCase);
  }
  for (const act of all.ofType('act')) {
    const body = bodyOf(act);
    if (body.victimId === personId || strings(body.perpetratorIds).includes(personId))
      builder.add(act);
  }
  for (const type of ['detention', 'proceeding'] as const) {
    for (const record of all.ofType(type))
      if (bodyOf(record).personId === personId) builder.add(record);
  }
  for (const testimony of all.ofType('testimony')) {
    if (bodyOf(testimony).intervieweeId === personId) builder.add(testimony);
  }
  builder.addPeopleReferenced();
  builder.addSources();
  return builder.build();
}

/**
 * The people of the review's list, each with the detentions and proceedings the list shows,
 * ordered by region and id: never by name, so that the order of pseudonyms says nothing.
 */
export function listScope(all: RecordSet, personIds: readonly string[]): Scope {
  const builder = new ScopeBuilder(all);
  const people = personIds
    .map((id) => all.get(id, 'person'))
    .filter((p): p is ReportRecord => p !== undefined)
    .sort((a, b) => {
      const ra = str(bodyOf(a).region) ?? '\uffff';
      const rb = str(bodyOf(b).region) ?? '\uffff';
      return ra < rb ? -1 : ra > rb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
  const wanted = new Set(people.map((p) => p.id));
  for (const person of people) builder.add(person);
  for (const type of ['detention', 'proceeding'] as const) {
    for (const record of all.ofType(type)) {
      if (wanted.has(str(bodyOf(record).personId) ?? '')) builder.add(record);
    }
  }
  return builder.build();
}

/** Several scopes as one document: records once each, in first-seen order; first role wins. */
export function unionScope(scopes: readonly Scope[]): Scope {
  const records = new Map<string, ReportRecord>();
  const roles = new Map<string, PseudonymRole>();
  for (const scope of scopes) {
    for (const record of scope.records) if (!records.has(record.id)) records.set(record.id, record);
    for (const [id, role] of scope.roles) if (!roles.has(id)) roles.set(id, role);
  }
  return { records: [...records.values()], roles };
}
