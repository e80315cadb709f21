import path from 'node:path';
import { readdirSync } from 'node:fs';
import type { Vault } from '../../../db';
import {
  exportBundle,
  importBundle,
  type BundleExportOptions,
  type BundleImportOptions,
} from '../../../db/bundles';
import { ensureDeviceIdentity, trustDevice } from '../../../db/identity';
import { newVault, tempDir } from '../../support/vaults';

/** A vault with its device identity, as one laptop of an organisation. */
export interface Device {
  readonly name: string;
  readonly vault: Vault;
  readonly dir: string;
  readonly recipient: string;
  readonly signingKey: string;
}

export async function device(name: string): Promise<Device> {
  const { vault, dir } = await newVault();
  const identity = await ensureDeviceIdentity(vault);
  return {
    name,
    vault,
    dir,
    recipient: identity.entry.recipient,
    signingKey: identity.entry.signingKey,
  };
}

/** Devices that all trust each other, as an imported organisation profile would make them. */
export async function organisation(...names: string[]): Promise<Device[]> {
  const devices = await Promise.all(names.map(device));
  for (const a of devices)
    for (const b of devices)
      if (a !== b)
        trustDevice(a.vault, { ...(await ensureDeviceIdentity(b.vault)).entry, name: b.name });
  return devices;
}

const bundles = tempDir('casebook-bundles-');
let made = 0;

export function bundlePath(label = 'bundle'): string {
  return path.join(bundles, `${label}-${++made}.cbundle`);
}

/** Exports from one device to others, and returns the file. */
export async function send(
  from: Device,
  to: readonly Device[],
  options: Omit<BundleExportOptions, 'recipients'> = {},
): Promise<string> {
  const file = bundlePath(from.name);
  await exportBundle(from.vault, file, { ...options, recipients: to.map((d) => d.recipient) });
  return file;
}

export function receive(to: Device, file: string, options: BundleImportOptions = {}) {
  return importBundle(to.vault, file, options);
}

export function bundleFiles(): string[] {
  return readdirSync(bundles);
}
