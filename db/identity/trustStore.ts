import { z } from 'zod';
import { VaultError } from '../errors';
import type { Vault } from '../vault/vault';
import { ageRecipientPattern } from './age';

/**
 * Whom this vault trusts and sends to (docs/bundle.md, "Organisation profile"): the devices
 * whose signed bundles it imports, and named age recipients (headquarters) it exports to.
 * Names can identify people, so the list is sealed (setting "trust"), never in clear.
 */

/** Printable text: a name goes to terminals and into JSON, never control characters. */
export const deviceNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]+$/u);

export const deviceEntrySchema = z
  .object({
    name: deviceNameSchema,
    device: z.string().regex(/^[0-9a-f]{32}$/),
    signingKey: z.string().regex(/^[0-9a-f]{64}$/),
    recipient: z.string().regex(ageRecipientPattern),
  })
  .strict();

export const namedRecipientSchema = z
  .object({ name: deviceNameSchema, recipient: z.string().regex(ageRecipientPattern) })
  .strict();

export const organisationProfileSchema = z
  .object({
    format: z.literal('casebook-organisation'),
    version: z.literal(1),
    name: deviceNameSchema.optional(),
    recipients: z.array(namedRecipientSchema).max(100),
    devices: z.array(deviceEntrySchema).max(10_000),
  })
  .strict();

export type DeviceEntry = z.infer<typeof deviceEntrySchema>;
export type NamedRecipient = z.infer<typeof namedRecipientSchema>;
export type OrganisationProfile = z.infer<typeof organisationProfileSchema>;

export interface Trust {
  readonly recipients: readonly NamedRecipient[];
  readonly devices: readonly DeviceEntry[];
}

const settingName = 'trust';
const storedSchema = z
  .object({
    version: z.literal(1),
    recipients: z.array(namedRecipientSchema),
    devices: z.array(deviceEntrySchema),
  })
  .strict();

export function readTrust(vault: Vault): Trust {
  const bytes = vault.readSetting(settingName);
  if (!bytes) return { recipients: [], devices: [] };
  const { recipients, devices } = storedSchema.parse(
    JSON.parse(Buffer.from(bytes).toString('utf8')),
  );
  return { recipients, devices };
}

function writeTrust(vault: Vault, trust: Trust): void {
  const stored = { version: 1, recipients: trust.recipients, devices: trust.devices };
  vault.writeSetting(settingName, Buffer.from(JSON.stringify(stored), 'utf8'));
}

export function checkDeviceName(name: string): string {
  if (!deviceNameSchema.safeParse(name).success) {
    throw new VaultError(
      'invalid_input',
      'A device name is 1 to 100 printable characters, such as "Field laptop 3".',
    );
  }
  return name;
}

/** Parses an entry as `identity` prints it; refuses anything else with the field named. */
export function parseDeviceEntry(value: unknown): DeviceEntry {
  const parsed = deviceEntrySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new VaultError(
      'invalid_input',
      `That is not a device entry as "casebook identity" prints it (${issue.path.join('.') || 'the entry'}: ${issue.message}). Nothing was changed.`,
    );
  }
  return parsed.data;
}

export function parseOrganisationProfile(value: unknown): OrganisationProfile {
  const parsed = organisationProfileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new VaultError(
      'invalid_input',
      `That is not a Casebook organisation profile, version 1 (${issue.path.join('.') || 'the file'}: ${issue.message}). Nothing was changed.`,
    );
  }
  return parsed.data;
}

export type TrustChange = 'added' | 'updated' | 'unchanged';

function upsert<T>(list: readonly T[], item: T, same: (a: T) => boolean) {
  const at = list.findIndex(same);
  if (at < 0) return { list: [...list, item], change: 'added' as TrustChange };
  if (JSON.stringify(list[at]) === JSON.stringify(item))
    return { list, change: 'unchanged' as TrustChange };
  return { list: list.map((old, i) => (i === at ? item : old)), change: 'updated' as TrustChange };
}

/** Trusts one device: its signed bundles import. An entry for a known device replaces it. */
export function trustDevice(vault: Vault, entry: DeviceEntry): TrustChange {
  const trust = readTrust(vault);
  const { list, change } = upsert(trust.devices, entry, (d) => d.device === entry.device);
  if (change !== 'unchanged') writeTrust(vault, { ...trust, devices: list });
  return change;
}

/** Takes in an organisation profile: its recipients and its devices, each added or updated. */
export function importProfile(
  vault: Vault,
  profile: OrganisationProfile,
  ownDevice: string,
): { devices: Record<TrustChange, number>; recipients: Record<TrustChange, number> } {
  let trust = readTrust(vault);
  const devices = { added: 0, updated: 0, unchanged: 0 };
  const recipients = { added: 0, updated: 0, unchanged: 0 };
  for (const entry of profile.devices) {
    if (entry.device === ownDevice) continue;
    const { list, change } = upsert(trust.devices, entry, (d) => d.device === entry.device);
    trust = { ...trust, devices: list };
    devices[change]++;
  }
  for (const named of profile.recipients) {
    const { list, change } = upsert(trust.recipients, named, (r) => r.name === named.name);
    trust = { ...trust, recipients: list };
    recipients[change]++;
  }
  writeTrust(vault, trust);
  return { devices, recipients };
}

/** The trusted device that holds this signing key, if any. */
export function trustedSigner(trust: Trust, signingKey: string): DeviceEntry | undefined {
  return trust.devices.find((device) => device.signingKey === signingKey);
}

/** `--to` takes an age recipient, or the name of a trusted recipient or device. */
export function resolveRecipients(trust: Trust, targets: readonly string[]): string[] {
  const resolved = targets.map((target) => {
    if (ageRecipientPattern.test(target)) return target;
    const named = [...trust.recipients, ...trust.devices].filter((t) => t.name === target);
    if (named.length === 0) {
      throw new VaultError(
        'invalid_input',
        `"${target.slice(0, 100)}" is neither an age recipient (age1...) nor the name of a recipient or device this vault trusts. "casebook trust list" shows the names. Nothing was written.`,
      );
    }
    return named.map((t) => t.recipient);
  });
  return [...new Set(resolved.flat())];
}

/**
 * A profile for the organisation's devices to import: this vault as recipient and as
 * trusted device, and every device it trusts. Headquarters makes it; field laptops take it in.
 */
export function organisationProfile(
  trust: Trust,
  own: DeviceEntry,
  name?: string,
): OrganisationProfile {
  return {
    format: 'casebook-organisation',
    version: 1,
    ...(name === undefined ? {} : { name }),
    recipients: [
      { name: own.name, recipient: own.recipient },
      ...trust.recipients.filter((r) => r.recipient !== own.recipient),
    ],
    devices: [own, ...trust.devices.filter((d) => d.device !== own.device)],
  };
}
