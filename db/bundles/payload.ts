import type { Sodium } from '../crypto/sodium';
import { endLine } from './format';
import { payloadHash, signPayload } from './signature';

/**
 * Builds the plaintext of a bundle from its lines (each ending in "\n"), adding the last,
 * signed line. The exporter streams the same thing; this whole-in-memory form is for small
 * bundles, test vectors and tests that need a bundle of their own making.
 */
export function signedPayload(
  sodium: Sodium,
  signingSecretKey: Uint8Array,
  lines: readonly string[],
  revisions = lines.length - 1,
): Buffer {
  const body = Buffer.from(lines.join(''), 'utf8');
  const sha256 = payloadHash().update(body).digest('hex');
  const end = endLine({
    kind: 'end',
    revisions,
    sha256,
    signature: signPayload(sodium, signingSecretKey, sha256),
  });
  return Buffer.concat([body, Buffer.from(end, 'utf8')]);
}
