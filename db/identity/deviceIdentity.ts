import { z } from 'zod';
import { loadSodium, type Sodium } from '../crypto/sodium';
import type { Vault } from '../vault/vault';
import { ageIdentityPattern, loadAge } from './age';
import {
  checkDeviceName,
  deviceEntrySchema,
  deviceNameSchema,
  type DeviceEntry,
} from './trustStore';

/**
 * This vault's device identity (docs/bundle.md): an Ed25519 key that signs the bundles it
 * makes and an age X25519 identity that opens the bundles made for it. The secrets live only
 * in the vault, sealed (setting "device-identity"); the public halves are what `identity`
 * prints for others to trust.
 */
export interface DeviceIdentity {
  readonly entry: DeviceEntry;
  readonly signingSecretKey: Uint8Array;
  readonly ageIdentity: string;
}

const settingName = 'device-identity';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

const storedSchema = z
  .object({
    version: z.literal(1),
    name: deviceNameSchema,
    signingPublicKey: z.string().regex(/^[0-9a-f]{64}$/),
    signingSecretKey: z.string().regex(/^[0-9a-f]{128}$/),
    ageIdentity: z.string().regex(ageIdentityPattern),
    recipient: z.string(),
  })
  .strict();

type Stored = z.infer<typeof storedSchema>;

function fromStored(vault: Vault, stored: Stored): DeviceIdentity {
  return {
    entry: deviceEntrySchema.parse({
      name: stored.name,
      device: vault.deviceId,
      signingKey: stored.signingPublicKey,
      recipient: stored.recipient,
    }),
    signingSecretKey: new Uint8Array(Buffer.from(stored.signingSecretKey, 'hex')),
    ageIdentity: stored.ageIdentity,
  };
}

function write(vault: Vault, stored: Stored): void {
  vault.writeSetting(settingName, Buffer.from(JSON.stringify(stored), 'utf8'));
}

function read(vault: Vault): Stored | null {
  const bytes = vault.readSetting(settingName);
  return bytes && storedSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
}

/** The identity, or null for a vault that has never made or been sent a bundle. */
export function readDeviceIdentity(vault: Vault): DeviceIdentity | null {
  const stored = read(vault);
  return stored && fromStored(vault, stored);
}

/** The identity, made on first use (a vault from before hand sync has none yet). */
export async function ensureDeviceIdentity(vault: Vault): Promise<DeviceIdentity> {
  const existing = readDeviceIdentity(vault);
  if (existing) return existing;
  const [sodium, age] = await Promise.all([loadSodium(), loadAge()]);
  const signing = sodium.crypto_sign_keypair();
  const ageIdentity = await age.generateX25519Identity();
  const stored: Stored = {
    version: 1,
    name: `device-${vault.deviceId.slice(0, 8)}`,
    signingPublicKey: hex(signing.publicKey),
    signingSecretKey: hex(signing.privateKey),
    ageIdentity,
    recipient: await age.identityToRecipient(ageIdentity),
  };
  sodium.memzero(signing.privateKey);
  write(vault, stored);
  return fromStored(vault, stored);
}

/** Names this device as others will see it in their trust lists. */
export async function nameDevice(vault: Vault, name: string): Promise<DeviceIdentity> {
  await ensureDeviceIdentity(vault);
  const stored = { ...read(vault)!, name: checkDeviceName(name) };
  write(vault, stored);
  return fromStored(vault, stored);
}

/** Zeroes the secret signing key once a command is done with it. */
export function wipeIdentity(sodium: Sodium, identity: DeviceIdentity): void {
  sodium.memzero(identity.signingSecretKey);
}
