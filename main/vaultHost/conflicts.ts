import { VaultError, type Vault } from '../../db';
import { readTrust } from '../../db/identity';
import type { ChannelArgs, ChannelResult } from '../../shared/ipc/contract';
import type { RecordConflictValue } from '../../shared/ipc/conflicts';
import { isModelRecordType, recordLabel, type RecordType } from '../../shared/model';
import type { JsonObject, JsonValue } from '../../shared/records';

/** What Vault.conflicts calls a conflict on the whole record rather than on one field. */
const wholeRecord = '(the whole record)';

/**
 * A conflict path as the vault writes it (`notes`, `contacts.phone`, `a["odd key"]`) back into
 * its keys; null for a path that is not in that form.
 */
export function pathKeys(path: string): string[] | null {
  if (path === wholeRecord) return [];
  const keys: string[] = [];
  const step = /^(?:\.?([A-Za-z_][A-Za-z0-9_]*)|\[("(?:[^"\\]|\\.)*")\])/;
  let rest = path;
  while (rest.length > 0) {
    const match = step.exec(rest);
    if (!match || (match[1] !== undefined && rest[0] === '.' && keys.length === 0)) return null;
    keys.push(match[1] ?? (JSON.parse(match[2]!) as string));
    rest = rest.slice(match[0].length);
  }
  return keys.length > 0 ? keys : null;
}

/** The records with conflicts, each field with every competing value, newest first. */
export function listConflicts(vault: Vault): ChannelResult<'conflicts.list'> {
  const names = new Map(readTrust(vault).devices.map((entry) => [entry.device, entry.name]));
  const records: RecordConflictValue[] = [];
  for (const conflict of vault.conflicts()) {
    const current = vault.get(conflict.id);
    records.push({
      id: conflict.id,
      type: conflict.type,
      label: recordLabel(current),
      fields: conflict.fields.map((path) => ({
        path,
        keys: pathKeys(path) ?? [path],
        values: conflict.revisions.map((side) => {
          const value = Object.hasOwn(side.values, path) ? side.values[path] : undefined;
          return {
            revision: side.revision,
            device: side.device,
            deviceName: names.get(side.device) ?? null,
            thisDevice: side.device === vault.deviceId,
            at: side.at,
            removed: value === undefined,
            value: value ?? null,
          };
        }),
      })),
    });
  }
  return { records };
}

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `body` with the field at `keys` set to `value`, or removed when `value` is undefined. */
function withField(body: JsonObject, keys: readonly string[], value: JsonValue | undefined) {
  if (keys.length === 0) return isObject(value) ? value : body;
  const [key, ...rest] = keys as [string, ...string[]];
  const copy: JsonObject = { ...body };
  if (rest.length === 0) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  const inner = Object.hasOwn(body, key) ? body[key] : undefined;
  if (!isObject(inner) && value === undefined) return copy;
  copy[key] = withField(isObject(inner) ? inner : {}, rest, value);
  return copy;
}

const changedSinceShown = (id: string) =>
  new VaultError(
    'invalid_input',
    `The conflicts of record ${id} changed since they were shown (another import, or another window). Nothing was written: open them again.`,
  );

/**
 * The record to write to resolve a conflict: the merged body with the chosen value in every
 * conflicting field, or the body a person edited. Every conflicting field must be chosen, each
 * from a revision that competes in it now.
 */
export function resolution(
  vault: Vault,
  { id, choices, body }: ChannelArgs<'conflicts.resolve'>,
): { type: RecordType; id: string; body: JsonObject } {
  let conflict;
  for (const candidate of vault.conflicts()) {
    if (candidate.id === id) {
      conflict = candidate;
      break;
    }
  }
  if (!conflict) {
    throw new VaultError(
      'invalid_input',
      `Record ${id} has no conflict to resolve: it was resolved already, or never had one.`,
    );
  }
  if (!isModelRecordType(conflict.type)) {
    throw new VaultError('type_mismatch', `Record ${id} is of a type this app cannot edit.`);
  }
  if (body !== undefined) return { type: conflict.type, id, body: body as JsonObject };

  const chosen = new Map((choices ?? []).map((choice) => [choice.path, choice.revision]));
  if (chosen.size !== (choices ?? []).length || chosen.size !== conflict.fields.length) {
    throw changedSinceShown(id);
  }
  let merged = vault.get(id).body ?? {};
  for (const path of conflict.fields) {
    const side = conflict.revisions.find((revision) => revision.revision === chosen.get(path));
    const keys = pathKeys(path);
    if (!side || keys === null) throw changedSinceShown(id);
    merged = withField(
      merged,
      keys,
      Object.hasOwn(side.values, path) ? side.values[path] : undefined,
    );
  }
  return { type: conflict.type, id, body: merged };
}
