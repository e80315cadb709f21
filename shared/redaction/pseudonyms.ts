import { foldWord } from '../search';

/**
 * The word a pseudonym starts with: the person's part in the document ("Witness A", "Victim
 * B"). Involvement roles first, then the parts people play in other records.
 */
export const pseudonymRoles = [
  'victim',
  'perpetrator',
  'witness',
  'source',
  'lawyer',
  'judge',
  'prosecutor',
  'investigator',
  'person',
  'relative',
  'documenter',
  'doctor',
  'interpreter',
] as const;

export type PseudonymRole = (typeof pseudonymRoles)[number];

/** "Witness A": the role is translated by the report, the code is the same in every language. */
export interface Pseudonym {
  readonly role: PseudonymRole;
  readonly code: string;
}

/** 0 → A, 25 → Z, 26 → AA, 27 → AB ...: bijective base 26, so every code is used once. */
export function pseudonymCode(index: number): string {
  let n = index + 1;
  let code = '';
  while (n > 0) {
    const digit = (n - 1) % 26;
    code = String.fromCharCode(65 + digit) + code;
    n = Math.floor((n - 1) / 26);
  }
  return code;
}

/** The key under which a person record is pseudonymised. */
export function personKey(id: string): string {
  return `person:${id}`;
}

/** The key for a name with no person record behind it: its words, case and accents folded. */
export function nameValueKey(name: string): string {
  return `name:${name.trim().split(/\s+/).map(foldWord).join(' ')}`;
}

/**
 * Hands out codes for one document: the same key always gets the same pseudonym, and the role
 * it got first, so a person is "Victim A" in every section even where they appear as a
 * witness. Codes count per role, in the order people first appear.
 */
export class PseudonymCoder {
  private readonly byKey = new Map<string, Pseudonym>();
  private readonly nextIndex = new Map<PseudonymRole, number>();

  pseudonym(key: string, role: PseudonymRole): Pseudonym {
    const known = this.byKey.get(key);
    if (known) return known;
    const index = this.nextIndex.get(role) ?? 0;
    this.nextIndex.set(role, index + 1);
    const made = { role, code: pseudonymCode(index) };
    this.byKey.set(key, made);
    return made;
  }

  /** Whether a key already has a pseudonym. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get size(): number {
    return this.byKey.size;
  }
}
