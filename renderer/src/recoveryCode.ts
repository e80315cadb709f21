/**
 * A recovery code as the vault prints it: groups of four Crockford base32 characters joined
 * by "-" (db/crypto/recoveryCode.ts). The user proves the paper copy by typing two groups back.
 */
export function recoveryGroups(code: string): string[] {
  return code.split('-');
}

/** Reads a group as a person copies it: any case, spaces ignored, O for 0, I and L for 1. */
export function normaliseGroup(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Two different group positions (0-based, in order), chosen at random. */
export function pickGroupsToCheck(count: number): [number, number] {
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  const first = random[0]! % count;
  const second = (first + 1 + (random[1]! % (count - 1))) % count;
  return first < second ? [first, second] : [second, first];
}
