import { z } from 'zod';
import type { Vault } from '../vault/vault';

/**
 * What this vault has sent and received (setting "bundle-log", sealed): the sequence number
 * its next bundle takes, how far into its revision log each recipient has been sent (for
 * `--since-last`), and which bundles of each device it has imported (to refuse a replay).
 */
export interface BundleLog {
  readonly nextSequence: number;
  /** age recipient -> the last local revision `seq` sent to it. */
  readonly sent: Readonly<Record<string, number>>;
  /** device id -> imported bundle sequence numbers, as sorted, disjoint [first, last] ranges. */
  readonly received: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

const settingName = 'bundle-log';
const whole = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const storedSchema = z
  .object({
    version: z.literal(1),
    nextSequence: whole.min(1),
    sent: z.record(z.string(), whole),
    received: z.record(z.string(), z.array(z.tuple([whole, whole]))),
  })
  .strict();

export function readBundleLog(vault: Vault): BundleLog {
  const bytes = vault.readSetting(settingName);
  if (!bytes) return { nextSequence: 1, sent: {}, received: {} };
  return storedSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
}

export function writeBundleLog(vault: Vault, log: BundleLog): void {
  vault.writeSetting(settingName, Buffer.from(JSON.stringify({ version: 1, ...log }), 'utf8'));
}

const rangesOf = (log: BundleLog, device: string) =>
  Object.hasOwn(log.received, device) ? log.received[device]! : [];

export function wasReceived(log: BundleLog, device: string, sequence: number): boolean {
  return rangesOf(log, device).some(([first, last]) => first <= sequence && sequence <= last);
}

export function markReceived(log: BundleLog, device: string, sequence: number): BundleLog {
  const ranges = [...rangesOf(log, device), [sequence, sequence] as const].sort(
    (a, b) => a[0] - b[0],
  );
  const merged: [number, number][] = [];
  for (const [first, last] of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return { ...log, received: { ...log.received, [device]: merged } };
}

/** Where an incremental bundle to these recipients starts: the least any of them was sent. */
export function sentUpTo(log: BundleLog, recipients: readonly string[]): number {
  if (recipients.length === 0) return 0;
  return Math.min(...recipients.map((r) => (Object.hasOwn(log.sent, r) ? log.sent[r]! : 0)));
}

export function markSent(log: BundleLog, recipients: readonly string[], upTo: number): BundleLog {
  const sent = { ...log.sent };
  for (const recipient of recipients) sent[recipient] = Math.max(sent[recipient] ?? 0, upTo);
  return { ...log, sent };
}
