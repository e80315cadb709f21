import type { FieldError as ModelFieldError } from '../../../shared/errors';
import { nameKinds, parseRecord, sexes } from '../../../shared/model';
import type { JsonObject } from '../../../shared/records';
import { dateOfParts, noDate, partsOfDate, type DateParts } from './fuzzyDateParts';

export { nameKinds, sexes };

export interface PersonForm {
  names: { value: string; lang: string; kind: string }[];
  sex: string;
  birth: DateParts;
  region: string;
  locality: string;
  occupation: string;
}

export const emptyPerson: PersonForm = {
  names: [{ value: '', lang: '', kind: '' }],
  sex: '',
  birth: noDate,
  region: '',
  locality: '',
  occupation: '',
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function personFormOf(body: JsonObject | null): PersonForm {
  if (!body) return emptyPerson;
  const names = Array.isArray(body.names) ? body.names : [];
  return {
    names: names.length
      ? names.map((name) => {
          const n = typeof name === 'object' && name && !Array.isArray(name) ? name : {};
          return { value: text(n.value), lang: text(n.lang), kind: text(n.kind) };
        })
      : emptyPerson.names,
    sex: text(body.sex),
    birth: partsOfDate(body.birthDate),
    region: text(body.region),
    locality: text(body.locality),
    occupation: text(body.occupation),
  };
}

/**
 * The record body for what the form holds, over the stored body: fields the editor does not
 * show (contacts, statuses, health notes) are kept as they were.
 */
export function personBodyOf(form: PersonForm, base: JsonObject | null): JsonObject {
  const body: JsonObject = { ...(base ?? {}) };
  body.names = form.names.map((name) => ({
    value: name.value.trim(),
    ...(name.lang.trim() ? { lang: name.lang.trim() } : {}),
    ...(name.kind ? { kind: name.kind } : {}),
  }));
  const optional = {
    sex: form.sex,
    region: form.region,
    locality: form.locality.trim(),
    occupation: form.occupation.trim(),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) body[key] = value;
    else delete body[key];
  }
  const birth = dateOfParts(form.birth, base?.birthDate);
  if (birth) body.birthDate = birth as unknown as JsonObject;
  else delete body.birthDate;
  return body;
}

/** A model path (`names[0].value`, `birthDate.date`) as the form field it belongs to. */
export function formFieldOf(path: string): string {
  const name = /^names\[(\d+)\]\.(value|lang|kind)/.exec(path);
  if (name) return `names.${name[1]}.${name[2]}`;
  if (path.startsWith('birthDate')) return 'birth';
  if (path === 'names') return 'names.0.value';
  const top = /^(sex|region|locality|occupation)\b/.exec(path);
  return top ? top[1]! : 'root';
}

/** The catalog key of the message for a field: model messages are English, so never shown. */
export function messageKeyOf(field: string): string {
  if (/^names\.\d+\.value$/.test(field)) return 'person.errors.name';
  if (/^names\.\d+\.lang$/.test(field)) return 'person.errors.lang';
  if (field === 'birth') return 'person.errors.date';
  if (field === 'region') return 'person.errors.region';
  return 'person.errors.field';
}

/** Field -> message key, for the fields the model refuses. */
export function personProblems(errors: readonly ModelFieldError[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const error of errors) {
    const field = formFieldOf(error.path);
    if (!out.has(field)) out.set(field, messageKeyOf(field));
  }
  return out;
}

/** Checks the form with the model's own schema, so the editor refuses what the vault would. */
export function checkPerson(form: PersonForm, base: JsonObject | null) {
  const body = personBodyOf(form, base);
  const parsed = parseRecord('person', body);
  return { body, problems: parsed.ok ? new Map<string, string>() : personProblems(parsed.errors) };
}
