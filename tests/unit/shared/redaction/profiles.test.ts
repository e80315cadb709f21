import { describe, expect, it } from 'vitest';
import { describeFields, modelRecordTypes } from '../../../../shared/model';
import {
  defaultExportProfiles,
  exportProfileSchema,
  fieldKinds,
  parseExportProfile,
} from '../../../../shared/redaction';

describe('export profiles', () => {
  it('ships public, UN, lawyer and internal profiles that pass their own schema', () => {
    expect(defaultExportProfiles.map((p) => p.id)).toEqual(['public', 'un', 'lawyer', 'internal']);
    for (const profile of defaultExportProfiles)
      expect(exportProfileSchema.safeParse(profile).success).toBe(true);
  });

  it('accepts an organisation’s own profile with field overrides', () => {
    const result = parseExportProfile({
      id: 'press',
      labels: { en: 'For the press' },
      use: 'publication',
      classes: {
        public: 'show',
        restricted: 'coarsen',
        confidential: 'pseudonymise',
        secret: 'remove',
      },
      fields: { 'person.names[].value': 'show', 'testimony.torture.methods': 'remove' },
      coarseDates: 'year',
    });
    expect(result.ok).toBe(true);
  });

  it('refuses an override that names no field, so a misspelt "remove" cannot silently do nothing', () => {
    const result = parseExportProfile({
      id: 'press',
      labels: { en: 'For the press' },
      use: 'publication',
      classes: { public: 'show', restricted: 'show', confidential: 'show', secret: 'show' },
      fields: { 'person.contacts.adress': 'remove' },
      coarseDates: 'month',
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join(' ')).toContain('fields.person.contacts.adress');
  });

  it('refuses a treatment it does not know', () => {
    const result = parseExportProfile({
      ...defaultExportProfiles[0],
      classes: { ...defaultExportProfiles[0]!.classes, secret: 'blur' },
    });
    expect(result.ok).toBe(false);
  });
});

describe('field kinds', () => {
  it('gives every leaf field of every record type a kind, and no field the model lacks', () => {
    for (const type of modelRecordTypes) {
      const paths = describeFields(type)
        .map((f) => f.path)
        .sort();
      expect(Object.keys(fieldKinds[type]).sort(), type).toEqual(paths);
    }
  });
});
