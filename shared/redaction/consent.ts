import type { IsoDay } from '../dates';
import type { ConsentUse } from '../model';

/** Why a testimony was left out of an export. */
export type ExclusionReason =
  /** No consent recorded: nothing beyond the organisation's own work. */
  | 'no-consent'
  /** Consent withdrawn on or before the day of the export. */
  | 'withdrawn'
  /** The use was refused, or left out of the consent (a use left out was not allowed). */
  | 'not-allowed';

export type ConsentDecision =
  | { readonly include: true; readonly anonymous: boolean }
  | { readonly include: false; readonly reason: ExclusionReason };

/** What redaction reads of a consent; read defensively, since it gates what leaves the vault. */
interface ConsentLike {
  readonly uses?: Partial<Record<ConsentUse, unknown>>;
  readonly withdrawnOn?: unknown;
}

function consentOf(testimony: unknown): ConsentLike | undefined {
  if (testimony === null || typeof testimony !== 'object') return undefined;
  const consent = (testimony as { consent?: unknown }).consent;
  return consent !== null && typeof consent === 'object' ? (consent as ConsentLike) : undefined;
}

/**
 * Whether a testimony may go into an export made for `use` on `day`, and whether only
 * anonymously (docs/model.md, "Consent rule for redaction"; docs/redaction.md):
 *
 * - internal use includes every testimony, identifiable: it is the organisation's own work,
 *   and the vault holds the testimony anyway;
 * - for every other use: no consent, or consent withdrawn on or before `day`, leaves it out;
 *   a use that is refused, left out, or holds anything but `identifiable` or `anonymous`
 *   leaves it out; `anonymous` includes it with everything that identifies the person
 *   pseudonymised or removed.
 */
export function consentDecision(testimony: unknown, use: ConsentUse, day: IsoDay): ConsentDecision {
  if (use === 'internal') return { include: true, anonymous: false };
  const consent = consentOf(testimony);
  if (!consent) return { include: false, reason: 'no-consent' };
  const withdrawn = consent.withdrawnOn;
  // A withdrawal that cannot be read is taken as a withdrawal.
  if (withdrawn !== undefined && (typeof withdrawn !== 'string' || withdrawn.slice(0, 10) <= day)) {
    return { include: false, reason: 'withdrawn' };
  }
  const scope =
    consent.uses !== null && typeof consent.uses === 'object' ? consent.uses[use] : undefined;
  if (scope === 'identifiable') return { include: true, anonymous: false };
  if (scope === 'anonymous') return { include: true, anonymous: true };
  return { include: false, reason: 'not-allowed' };
}
