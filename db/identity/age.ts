/**
 * age (https://age-encryption.org/v1) through the `age-encryption` package, the format the
 * standard `age` tool reads. The package is ESM-only; from CommonJS it loads through
 * `import()` (Node 20.19+ and Electron load it the same way), once per process.
 */
export type Age = typeof import('age-encryption');

let loading: Promise<Age> | undefined;

export function loadAge(): Promise<Age> {
  loading ??= import('age-encryption');
  return loading;
}

/** An X25519 recipient, the kind every age implementation reads (Debian's `age` 1.1 included). */
export const ageRecipientPattern = /^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/;
export const ageIdentityPattern = /^AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}$/;
