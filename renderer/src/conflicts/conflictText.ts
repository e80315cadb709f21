import type { TFunction } from 'i18next';

import type { ConflictField, ConflictValue } from '../../../shared/ipc/conflicts';
import { dateText, fieldLabel, valueText } from '../records/formatValue';
import type { Vocabularies } from '../vocabularies';

/** A fuzzy date's day or month alone is a conflict in `…date.date`: shown as the date it is. */
const isDateKey = (keys: readonly string[]) => keys.length > 1 && keys[keys.length - 1] === 'date';

/** A conflicting field by its translated labels: "Date of birth", "Contacts › Phone". */
export function conflictFieldLabel(t: TFunction, field: ConflictField): string {
  const keys = isDateKey(field.keys) ? field.keys.slice(0, -1) : field.keys;
  return keys.length === 0
    ? t('conflicts.wholeRecord')
    : keys.map((key) => fieldLabel(t, key)).join(' › ');
}

/** One competing value as text, formatted as the history shows values (terms, dates). */
export function conflictValueText(
  t: TFunction,
  vocabularies: Vocabularies | null,
  type: string,
  field: ConflictField,
  value: ConflictValue,
): string {
  if (value.removed) return t('conflicts.removed');
  if (isDateKey(field.keys) && typeof value.value === 'string') {
    const date = dateText({ date: value.value });
    if (date !== null) return date;
  }
  return valueText(t, vocabularies, type, field.keys.join('.'), value.value);
}

/** Where a value came from: this computer, a trusted device by its name, or a device id. */
export function conflictSource(t: TFunction, value: ConflictValue): string {
  if (value.thisDevice) return t('conflicts.thisDevice');
  return value.deviceName ?? t('conflicts.otherDevice', { id: value.device.slice(0, 8) });
}
