import { z } from 'zod';
import {
  consentUses,
  describeFields,
  isModelRecordType,
  termLabelsSchema,
  type ConsentUse,
  type Sensitivity,
  type TermLabels,
} from '../model';
import {
  dateGranularities,
  treatmentSchema,
  type DateGranularity,
  type Treatment,
} from './treatment';

/**
 * An export profile: what each sensitivity class becomes in an export made for one kind of
 * reader. Profiles are data, so that an organisation can edit the defaults and add its own;
 * docs/redaction.md describes the fields.
 */
export interface ExportProfile {
  /** Lower-case letters, digits and "-": `public`, `un`, `lawyer`, `internal`. */
  readonly id: string;
  readonly labels: TermLabels;
  /**
   * The use of a testimony that an export under this profile is (consent is given per use):
   * a testimony whose consent does not allow it is left out, whatever the classes say.
   */
  readonly use: ConsentUse;
  readonly classes: Readonly<Record<Sensitivity, Treatment>>;
  /**
   * Overrides for single fields, `type.path` as in docs/model.md (`person.names[].value`,
   * `testimony.torture.methods`). A key that names no field is refused: a misspelt "remove"
   * that silently did nothing would leak.
   */
  readonly fields?: Readonly<Record<string, Treatment>>;
  readonly coarseDates: DateGranularity;
}

const classesSchema = z.strictObject({
  public: treatmentSchema,
  restricted: treatmentSchema,
  confidential: treatmentSchema,
  secret: treatmentSchema,
});

/** Whether `key` (`type.path`) names a leaf field of the model. */
export function isFieldKey(key: string): boolean {
  const dot = key.indexOf('.');
  if (dot < 0) return false;
  const type = key.slice(0, dot);
  const path = key.slice(dot + 1);
  return isModelRecordType(type) && describeFields(type).some((field) => field.path === path);
}

export const exportProfileSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be lower-case Latin letters, digits and "-"'),
    labels: termLabelsSchema,
    use: z.enum(consentUses),
    classes: classesSchema,
    fields: z.record(z.string(), treatmentSchema).optional(),
    coarseDates: z.enum(dateGranularities),
  })
  .superRefine((profile, ctx) => {
    for (const key of Object.keys(profile.fields ?? {})) {
      if (!isFieldKey(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', key],
          message: 'names no field of the model; write it as type.path, e.g. person.names[].value',
        });
      }
    }
  });

/** Checks a profile read from outside (a file, the UI); errors name the field, not the value. */
export function parseExportProfile(
  value: unknown,
): { ok: true; value: ExportProfile } | { ok: false; errors: string[] } {
  const result = exportProfileSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data as ExportProfile };
  return {
    ok: false,
    errors: result.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || 'the profile'} ${issue.message}`,
    ),
  };
}

/**
 * The profiles Casebook ships. They follow docs/model.md's classes: public is safe in an
 * anonymous publication, restricted is for trusted partners, confidential identifies someone,
 * secret endangers someone.
 */
export const defaultExportProfiles: readonly ExportProfile[] = [
  {
    id: 'public',
    labels: {
      en: 'Public report',
      be: 'Публічны даклад',
      ru: 'Публичный доклад',
      uk: 'Публічна доповідь',
    },
    use: 'publication',
    classes: {
      public: 'show',
      restricted: 'coarsen',
      confidential: 'pseudonymise',
      secret: 'remove',
    },
    coarseDates: 'month',
  },
  {
    id: 'un',
    labels: {
      en: 'UN submission',
      be: 'Зварот у ААН',
      ru: 'Обращение в ООН',
      uk: 'Звернення до ООН',
    },
    use: 'un',
    classes: { public: 'show', restricted: 'show', confidential: 'show', secret: 'pseudonymise' },
    coarseDates: 'month',
  },
  {
    id: 'lawyer',
    labels: { en: 'For a lawyer', be: 'Для адваката', ru: 'Для адвоката', uk: 'Для адвоката' },
    use: 'court',
    classes: { public: 'show', restricted: 'show', confidential: 'show', secret: 'pseudonymise' },
    coarseDates: 'month',
  },
  {
    id: 'internal',
    labels: {
      en: 'Internal use',
      be: 'Для ўнутранага карыстання',
      ru: 'Для внутреннего пользования',
      uk: 'Для внутрішнього користування',
    },
    use: 'internal',
    classes: { public: 'show', restricted: 'show', confidential: 'show', secret: 'show' },
    coarseDates: 'month',
  },
];

/** The profile with this id among `profiles` (the defaults unless the organisation has its own). */
export function findExportProfile(
  id: string,
  profiles: readonly ExportProfile[] = defaultExportProfiles,
): ExportProfile | undefined {
  return profiles.find((profile) => profile.id === id);
}

/** The treatment of one field under a profile: its own override, else its class's. */
export function treatmentOf(
  profile: ExportProfile,
  type: string,
  path: string,
  sensitivity: Sensitivity,
): Treatment {
  return profile.fields?.[`${type}.${path}`] ?? profile.classes[sensitivity];
}
