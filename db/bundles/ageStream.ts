import { closeSync, openSync, readSync } from 'node:fs';
import { loadAge } from '../identity/age';
import { BundleError } from './bundleError';

/**
 * The outer layer of a bundle: an age v1 file (https://age-encryption.org/v1), so the standard
 * `age` tool opens it without Casebook. Either to X25519 recipients or to a passphrase (scrypt).
 */
export type BundleKey =
  | { readonly recipients: readonly string[] }
  | { readonly passphrase: string; readonly scryptWorkFactor?: number };

export type OpeningKey =
  { readonly identities: readonly string[] } | { readonly passphrase: string };

const ageMagic = 'age-encryption.org/v1\n';
const readChunk = 64 * 1024;

/** A file as a stream of chunks, read as the consumer asks: constant memory. */
export function fileStream(file: string): ReadableStream<Uint8Array> {
  const fd = openSync(file, 'r');
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = new Uint8Array(readChunk);
        const n = readSync(fd, chunk, 0, readChunk, null);
        if (n === 0) {
          close();
          controller.close();
        } else controller.enqueue(chunk.subarray(0, n));
      },
      cancel: close,
    },
    { highWaterMark: 0 },
  );
}

/** How a bundle is sealed, from its first bytes, before any key is tried. */
export function sealingOf(head: Uint8Array): 'recipients' | 'passphrase' {
  const text = Buffer.from(head).toString('latin1');
  if (text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----')) {
    throw new BundleError(
      'not_a_bundle',
      'This is an ASCII-armored age file; Casebook writes and reads binary bundles. Convert it with "age -d" first, or ask for the bundle as Casebook made it.',
    );
  }
  if (!text.startsWith(ageMagic)) {
    throw new BundleError(
      'not_a_bundle',
      'This file is not a Casebook bundle: it is not an age-encrypted file at all.',
    );
  }
  return /\n-> scrypt /.test(text.slice(ageMagic.length - 1)) ? 'passphrase' : 'recipients';
}

export async function encryptStream(
  plaintext: ReadableStream<Uint8Array>,
  key: BundleKey,
): Promise<ReadableStream<Uint8Array>> {
  const { Encrypter } = await loadAge();
  const encrypter = new Encrypter();
  if ('passphrase' in key) {
    encrypter.setPassphrase(key.passphrase);
    if (key.scryptWorkFactor !== undefined) encrypter.setScryptWorkFactor(key.scryptWorkFactor);
  } else {
    for (const recipient of key.recipients) encrypter.addRecipient(recipient);
  }
  return encrypter.encrypt(plaintext);
}

export async function encryptBytes(plaintext: Uint8Array, key: BundleKey): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(plaintext);
      controller.close();
    },
  });
  for await (const chunk of await encryptStream(source, key)) out.push(chunk);
  return Buffer.concat(out);
}

/**
 * Opens the age layer. Header problems surface here, each as its own refusal; damage further
 * in surfaces while the returned stream is read, as a `damaged` refusal from `readPlaintext`.
 */
export async function decryptStream(
  ciphertext: ReadableStream<Uint8Array>,
  key: OpeningKey,
): Promise<ReadableStream<Uint8Array>> {
  const { Decrypter } = await loadAge();
  const decrypter = new Decrypter();
  if ('passphrase' in key) decrypter.addPassphrase(key.passphrase);
  else for (const identity of key.identities) decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(ciphertext);
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    if (message.includes('no identity matched')) {
      throw 'passphrase' in key
        ? new BundleError(
            'wrong_passphrase',
            'That passphrase does not open this bundle. Check it and try again.',
          )
        : new BundleError(
            'not_for_this_vault',
            'This bundle was not made for this vault: none of its keys opens it (or the part of the file that names its recipients is damaged). Ask the sender to export it to this vault\'s recipient, which "casebook identity" shows.',
          );
    }
    if (message.includes('work factor')) {
      throw new BundleError(
        'oversized',
        'This passphrase bundle asks for more key-derivation work than any bundle needs (scrypt work factor above 20).',
      );
    }
    throw damaged();
  }
}

export function damaged(): BundleError {
  return new BundleError(
    'damaged',
    'This bundle is damaged: it was cut short or altered after it was made, so it fails its integrity check. Ask for it again, or copy it again from the original.',
  );
}
