import { z } from 'zod';

/**
 * What an export profile does to the values of a field, least to most protective in intent:
 *
 * - show: the value as recorded.
 * - coarsen: no finer than the profile's date granularity (a day becomes its month or year)
 *   and no finer than a region (a locality is dropped, the region and country stay). Values
 *   that are coarse already (a vocabulary term, a sentence in months) are shown; a name or
 *   free text cannot be coarsened and is removed.
 * - pseudonymise: a person becomes a code ("Witness A"), the same code for the same person
 *   everywhere in one document; anything that is not a person is removed.
 * - remove: the value is not in the export at all.
 *
 * docs/redaction.md has the table of what each treatment does to each kind of field.
 */
export const treatments = ['show', 'coarsen', 'pseudonymise', 'remove'] as const;

export type Treatment = (typeof treatments)[number];

export const treatmentSchema = z.enum(treatments);

/** The granularity coarsened dates are shown at. */
export const dateGranularities = ['month', 'year'] as const;
export type DateGranularity = (typeof dateGranularities)[number];

/**
 * At least as protective as pseudonymise: what consent given only for anonymous use imposes
 * on everything that could identify the person.
 */
export function atLeastPseudonymised(treatment: Treatment): Treatment {
  return treatment === 'remove' ? 'remove' : 'pseudonymise';
}
