/** The record types of the case model, as stored in clear in the vault's `type` column. */
export const modelRecordTypes = [
  'person',
  'case',
  'act',
  'detention',
  'proceeding',
  'testimony',
  'source',
  'vocabulary',
  'attachment',
  'custody',
] as const;

export type RecordType = (typeof modelRecordTypes)[number];

export function isModelRecordType(type: string): type is RecordType {
  return (modelRecordTypes as readonly string[]).includes(type);
}
