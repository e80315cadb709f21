import { fuzzyDateSchema, type IsoDay } from '../dates';
import {
  describeFields,
  isModelRecordType,
  isWithinClearance,
  valuesAt,
  type RecordType,
  type Sensitivity,
} from '../model';
import { coarsenDayOrTimestamp, coarsenFuzzyDate } from './coarsen';
import { consentDecision, type ExclusionReason } from './consent';
import { fieldKind, isLeakCheckedKind, type FieldKind } from './fieldKinds';
import { treatmentOf, type ExportProfile } from './profile';
import {
  nameValueKey,
  personKey,
  pseudonymRoles,
  PseudonymCoder,
  type Pseudonym,
  type PseudonymRole,
} from './pseudonyms';
import {
  marksMatchText,
  noSpanMarks,
  readSpanMarks,
  removePassages,
  type Passages,
  type SpanMarks,
} from './spans';
import { atLeastPseudonymised, type Treatment } from './treatment';

/** A record as the vault hands it out (the body as parseRecord returned it, or raw JSON). */
export interface RedactionInput {
  readonly id: string;
  readonly type: string;
  readonly body: unknown;
}

export interface RedactionOptions {
  /** The day of the export: a consent withdrawn on or before it is withdrawn. */
  readonly onDay: IsoDay;
  /** The part each person plays in the document, which starts their pseudonym. */
  readonly roles?: ReadonlyMap<string, PseudonymRole>;
  /** Passages marked for redaction, by record id, kept outside the record bodies. */
  readonly spanMarks?: Readonly<Record<string, readonly unknown[]>>;
}

/** How a person is shown: by a name the profile lets through, or by their code. */
export type PersonLabel =
  { readonly name: string; readonly lang?: string } | { readonly pseudonym: Pseudonym };

/**
 * A redacted leaf that is not plain JSON: a pseudonymised name, a reference to a person (as
 * the label the profile allows), a text with marked passages taken out.
 */
export type RedactedSpecial =
  | { readonly $pseudonym: Pseudonym }
  | { readonly $person: PersonLabel }
  | { readonly $passages: Passages };

/** A value removed, pseudonymised or coarsened away, for the leak check. Never shown to anyone. */
export interface RemovedValue {
  readonly recordId: string;
  readonly type: RecordType;
  /** Concrete path: `names[1].value`, `transcript`. */
  readonly path: string;
  readonly kind: FieldKind;
  readonly value: string;
  /** A passage marked in the editor rather than a whole field. */
  readonly passage?: true;
}

export interface RedactedRecord {
  readonly id: string;
  readonly type: RecordType;
  /** Only fields of the model, each as its profile allows; removed fields are absent. */
  readonly body: { readonly [key: string]: unknown };
  /** A testimony included only anonymously, or a person who gave one. */
  readonly anonymous: boolean;
}

export interface ExcludedRecord {
  readonly id: string;
  readonly type: RecordType;
  readonly reason: ExclusionReason;
}

/** What redaction did, for the preview: counts and field paths, never a value. */
export interface RedactionSummary {
  readonly profileId: string;
  /** Values by what was done to them. */
  readonly values: Readonly<Record<Treatment, number>>;
  /** Per field (`type.path`): values by what was done to them. */
  readonly fields: Readonly<Record<string, Partial<Record<Treatment, number>>>>;
  readonly excluded: readonly ExcludedRecord[];
  readonly anonymousTestimonies: number;
  readonly markedPassagesRemoved: number;
  readonly pseudonyms: number;
}

export interface RedactedSet {
  readonly profile: ExportProfile;
  /** Included records, in the order given. */
  readonly records: readonly RedactedRecord[];
  readonly byId: ReadonlyMap<string, RedactedRecord>;
  /** The label of a person under this profile; pseudonymises on first use. */
  personLabel(id: string, role?: PseudonymRole): PersonLabel;
  readonly removed: readonly RemovedValue[];
  /** Names the profile shows as written: the leak check must not take them for leaks. */
  readonly shownNames: readonly string[];
  readonly summary: RedactionSummary;
}

type Key = string | number;

function setAt(target: Record<string, unknown>, keys: readonly Key[], value: unknown): void {
  let node: Record<Key, unknown> = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined) node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<Key, unknown>;
  });
}

/**
 * Arrays built by index keep holes where elements were removed. Holes become null, so that an
 * element keeps its index and a report can still match it with the unredacted record (the
 * involvement of the dossier's subject); readers take null as absent.
 */
function fillHoles(value: unknown): unknown {
  if (Array.isArray(value))
    return Array.from(value, (item) => (item === undefined ? null : fillHoles(item)));
  if (
    value !== null &&
    typeof value === 'object' &&
    !('$pseudonym' in value || '$person' in value)
  ) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = fillHoles(child);
    return out;
  }
  return value;
}

function parentOf(body: unknown, keys: readonly Key[]): Record<string, unknown> | undefined {
  let node: unknown = body;
  for (const key of keys.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<Key, unknown>)[key];
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node)
    ? (node as Record<string, unknown>)
    : undefined;
}

const isRole = (value: unknown): value is PseudonymRole =>
  (pseudonymRoles as readonly unknown[]).includes(value);

/** The part a field's person plays when the document says nothing better. */
function naturalRole(type: RecordType, path: string, parent: Record<string, unknown> | undefined) {
  switch (`${type}.${path}`) {
    case 'case.involvements[].personId':
      return isRole(parent?.role) ? parent.role : 'person';
    case 'act.victimId':
      return 'victim';
    case 'act.perpetratorIds[]':
      return 'perpetrator';
    case 'testimony.intervieweeId':
      return 'witness';
    case 'proceeding.judge.personId':
    case 'proceeding.judge.name':
      return 'judge';
    case 'proceeding.prosecutor.personId':
    case 'proceeding.prosecutor.name':
      return 'prosecutor';
    case 'person.contacts.relatives[].personId':
    case 'person.contacts.relatives[].name':
      return 'relative';
    case 'testimony.interviewer':
    case 'source.obtainedBy':
    case 'source.custody[].by':
      return 'documenter';
    case 'testimony.medicalFindings[].examinedBy':
      return 'doctor';
    case 'testimony.consent.interpreter.name':
      return 'interpreter';
    default:
      return 'person';
  }
}

function primaryName(body: unknown): { name: string; lang?: string } | undefined {
  const names = (body as { names?: unknown } | null)?.names;
  if (!Array.isArray(names)) return undefined;
  const usable = names.filter(
    (n): n is { value: string; lang?: unknown; kind?: unknown } =>
      n !== null && typeof n === 'object' && typeof n.value === 'string' && n.value.trim() !== '',
  );
  const chosen = usable.find((n) => n.kind === 'primary') ?? usable[0];
  if (!chosen) return undefined;
  return typeof chosen.lang === 'string'
    ? { name: chosen.value, lang: chosen.lang }
    : { name: chosen.value };
}

const isScalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Applies an export profile to records: every field of the model as its sensitivity class (or
 * the profile's override for it) allows, testimonies as their consent allows, marked passages
 * taken out. What is removed is not in the result at all; fields the model does not know are
 * never copied. docs/redaction.md gives the rules.
 */
export function redactForProfile(
  records: Iterable<RedactionInput>,
  profile: ExportProfile,
  options: RedactionOptions,
): RedactedSet {
  const coder = new PseudonymCoder();
  const inputs = [...records].filter(
    (r): r is RedactionInput & { type: RecordType } =>
      isModelRecordType(r.type) && r.body !== null && typeof r.body === 'object',
  );
  const personBodies = new Map<string, unknown>();
  for (const r of inputs) if (r.type === 'person') personBodies.set(r.id, r.body);

  const removed: RemovedValue[] = [];
  const shownNames: string[] = [];
  const excluded: ExcludedRecord[] = [];
  const values: Record<Treatment, number> = { show: 0, coarsen: 0, pseudonymise: 0, remove: 0 };
  const fields: Record<string, Partial<Record<Treatment, number>>> = {};
  let markedPassagesRemoved = 0;
  let anonymousTestimonies = 0;

  // Consent first: who may be named at all is known before anything is written out.
  const anonymousPeople = new Set<string>();
  const included: (RedactionInput & { type: RecordType; anonymous: boolean })[] = [];
  for (const record of inputs) {
    if (record.type !== 'testimony') {
      included.push({ ...record, anonymous: false });
      continue;
    }
    const decision = consentDecision(record.body, profile.use, options.onDay);
    if (!decision.include) {
      excluded.push({ id: record.id, type: record.type, reason: decision.reason });
      // Left out whole, so none of its text may turn up elsewhere in the export.
      for (const field of describeFields('testimony')) {
        const kind = fieldKind('testimony', field.path);
        if (!isLeakCheckedKind(kind)) continue;
        for (const { path, value } of valuesAt(record.body, field.path)) {
          if (typeof value === 'string') {
            removed.push({ recordId: record.id, type: 'testimony', path, kind, value });
          }
        }
      }
      continue;
    }
    if (decision.anonymous) {
      anonymousTestimonies++;
      const interviewee = (record.body as { intervieweeId?: unknown }).intervieweeId;
      if (typeof interviewee === 'string') anonymousPeople.add(interviewee);
    }
    included.push({ ...record, anonymous: decision.anonymous });
  }

  const namesTreatment = (personId: string): Treatment => {
    const t = treatmentOf(profile, 'person', 'names[].value', 'confidential');
    return anonymousPeople.has(personId) ? atLeastPseudonymised(t) : t;
  };

  const personLabel = (id: string, role?: PseudonymRole): PersonLabel => {
    const shown = namesTreatment(id) === 'show' ? primaryName(personBodies.get(id)) : undefined;
    if (shown) {
      shownNames.push(shown.name);
      return shown;
    }
    return {
      pseudonym: coder.pseudonym(personKey(id), options.roles?.get(id) ?? role ?? 'person'),
    };
  };

  const count = (fieldKey: string, outcome: Treatment) => {
    values[outcome]++;
    const entry = (fields[fieldKey] ??= {});
    entry[outcome] = (entry[outcome] ?? 0) + 1;
  };

  const out: RedactedRecord[] = [];
  for (const record of included) {
    const { id, type, body } = record;
    const marks: SpanMarks =
      type === 'vocabulary'
        ? noSpanMarks
        : readSpanMarks((body as { redactions?: unknown }).redactions, options.spanMarks?.[id]);
    const personIsAnonymous = type === 'person' && anonymousPeople.has(id);
    const result: Record<string, unknown> = {};

    for (const field of describeFields(type)) {
      // Marks are instructions to redaction, never content of a report.
      if (type === 'testimony' && field.path.startsWith('redactions[]')) continue;
      const sensitivity: Sensitivity = field.sensitivity ?? 'secret';
      const kind = fieldKind(type, field.path);
      const fieldKey = `${type}.${field.path}`;
      // Most bodies fill few of their fields: skip the walk for a field whose top is absent.
      const top = /^[^.[]+/.exec(field.path)![0];
      if ((body as Record<string, unknown>)[top] === undefined) continue;
      for (const { path, keys, value } of valuesAt(body, field.path)) {
        const parent = parentOf(body, keys);
        let treatment = treatmentOf(profile, type, field.path, sensitivity);
        // Consent for anonymous use only: whatever identifies the person is at least coded.
        const identifying =
          kind === 'name' || kind === 'personRef' || kind === 'locality' || kind === 'official';
        const refersToAnonymous =
          (kind === 'personRef' && typeof value === 'string' && anonymousPeople.has(value)) ||
          ((kind === 'name' || kind === 'official') &&
            typeof parent?.personId === 'string' &&
            anonymousPeople.has(parent.personId));
        if (
          refersToAnonymous ||
          (personIsAnonymous && !isWithinClearance(sensitivity, 'restricted')) ||
          (record.anonymous && identifying && !isWithinClearance(sensitivity, 'restricted'))
        ) {
          treatment = atLeastPseudonymised(treatment);
        }

        const drop = () => {
          count(fieldKey, 'remove');
          if (isLeakCheckedKind(kind) && typeof value === 'string') {
            removed.push({ recordId: id, type, path, kind, value });
          }
        };
        const keep = (outValue: unknown, outcome: Treatment) => {
          setAt(result, keys, outValue);
          count(fieldKey, outcome);
        };

        switch (kind) {
          case 'name':
          case 'official': {
            if (typeof value !== 'string') {
              drop();
            } else if (treatment === 'show' || (kind === 'official' && treatment === 'coarsen')) {
              shownNames.push(value);
              keep(value, 'show');
            } else if (treatment === 'pseudonymise') {
              const personId =
                type === 'person' && field.path === 'names[].value'
                  ? id
                  : typeof parent?.personId === 'string'
                    ? parent.personId
                    : undefined;
              const role =
                personId !== undefined
                  ? (options.roles?.get(personId) ?? naturalRole(type, field.path, parent))
                  : naturalRole(type, field.path, parent);
              const key = personId !== undefined ? personKey(personId) : nameValueKey(value);
              removed.push({ recordId: id, type, path, kind, value });
              keep({ $pseudonym: coder.pseudonym(key, role) }, 'pseudonymise');
            } else {
              drop();
            }
            break;
          }
          case 'personRef': {
            if (typeof value !== 'string' || treatment === 'remove') drop();
            else {
              const role = naturalRole(type, field.path, parent);
              const label =
                treatment === 'pseudonymise'
                  ? {
                      pseudonym: coder.pseudonym(
                        personKey(value),
                        options.roles?.get(value) ?? role,
                      ),
                    }
                  : personLabel(value, role);
              keep({ $person: label }, treatment === 'pseudonymise' ? 'pseudonymise' : 'show');
            }
            break;
          }
          case 'recordRef':
            if (typeof value === 'string' && (treatment === 'show' || treatment === 'coarsen')) {
              keep(value, 'show');
            } else drop();
            break;
          case 'date': {
            const parsed = fuzzyDateSchema.safeParse(value);
            if (!parsed.success || treatment === 'pseudonymise' || treatment === 'remove') drop();
            else if (treatment === 'coarsen') {
              keep(coarsenFuzzyDate(parsed.data, profile.coarseDates), 'coarsen');
            } else keep(parsed.data, 'show');
            break;
          }
          case 'day':
          case 'timestamp':
            if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) drop();
            else if (treatment === 'show') keep(value, 'show');
            else if (treatment === 'coarsen') {
              keep(coarsenDayOrTimestamp(value, profile.coarseDates), 'coarsen');
            } else drop();
            break;
          case 'locality':
            if (typeof value === 'string' && treatment === 'show') keep(value, 'show');
            else drop();
            break;
          case 'value':
            if (isScalar(value) && (treatment === 'show' || treatment === 'coarsen')) {
              keep(value, 'show');
            } else drop();
            break;
          case 'text': {
            if (typeof value !== 'string' || treatment !== 'show') {
              drop();
              break;
            }
            const fieldMarks = marks.byField.get(path) ?? [];
            const whole =
              marks.everything || marks.wholeFields.has(path) || !marksMatchText(value, fieldMarks);
            // A mark that cannot be read as written counts as a secret passage over the whole text.
            const toRemove = whole
              ? profile.classes.secret === 'show'
                ? []
                : [{ start: 0, end: value.length }]
              : fieldMarks.filter(
                  (mark) => profile.classes[mark.sensitivity ?? 'secret'] !== 'show',
                );
            if (toRemove.length === 0) {
              keep(value, 'show');
              break;
            }
            const { passages, removed: passagesRemoved } = removePassages(value, toRemove);
            markedPassagesRemoved += passagesRemoved.length;
            for (const passage of passagesRemoved) {
              removed.push({ recordId: id, type, path, kind, value: passage, passage: true });
            }
            keep({ $passages: passages }, 'show');
            break;
          }
        }
      }
    }
    const redacted: RedactedRecord = {
      id,
      type,
      body: fillHoles(result) as Record<string, unknown>,
      anonymous: record.anonymous || personIsAnonymous,
    };
    out.push(redacted);
  }

  return {
    profile,
    records: out,
    byId: new Map(out.map((record) => [record.id, record])),
    personLabel,
    removed,
    shownNames,
    summary: {
      profileId: profile.id,
      values,
      fields,
      excluded,
      anonymousTestimonies,
      markedPassagesRemoved,
      get pseudonyms() {
        return coder.size;
      },
    },
  };
}
