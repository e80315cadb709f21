import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Vault } from '../../../db';
import { isBundleError } from '../../../db/bundles';
import type { JsonObject } from '../../../shared/records';
import { organisation, receive, send, type Device } from './devices';

/**
 * Hand sync's algebra, on real vaults and real bundles: whatever the devices write and in
 * whatever order bundles arrive, once every device holds every revision they all show the
 * same records, the same history and the same conflicts; and importing what a vault already
 * holds changes nothing.
 */
const ids = ['r1', 'r2', 'r3'] as const;
const fields = ['a', 'b', 'n.x', 'n.y'] as const;

type Action =
  | { kind: 'put'; device: number; id: string; field: string; value: number | null }
  | { kind: 'delete'; device: number; id: string }
  | { kind: 'export'; device: number; sinceLast: boolean }
  | { kind: 'deliver'; bundle: number; device: number };

const action = (devices: number): fc.Arbitrary<Action> =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('put' as const),
        device: fc.nat(devices - 1),
        id: fc.constantFrom(...ids),
        field: fc.constantFrom(...fields),
        value: fc.option(fc.nat(3), { freq: 5 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('delete' as const),
        device: fc.nat(devices - 1),
        id: fc.constantFrom(...ids),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('export' as const),
        device: fc.nat(devices - 1),
        sinceLast: fc.boolean(),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('deliver' as const),
        bundle: fc.nat(20),
        device: fc.nat(devices - 1),
      }),
    },
  );

function currentBody(vault: Vault, id: string): JsonObject {
  try {
    return vault.get(id).body ?? {};
  } catch {
    return {};
  }
}

/** Sets (or, with null, removes) a field, `n.x` being x inside the object n. */
function edit(body: JsonObject, field: string, value: number | null): JsonObject {
  const [outer, inner] = field.split('.') as [string, string | undefined];
  const next: JsonObject = { ...body };
  if (inner === undefined) {
    if (value === null) delete next[outer];
    else next[outer] = value;
    return next;
  }
  const nested = next[outer];
  const object: JsonObject =
    nested && typeof nested === 'object' && !Array.isArray(nested) ? { ...nested } : {};
  if (value === null) delete object[inner];
  else object[inner] = value;
  next[outer] = object;
  return next;
}

/** Everything a person can see of a vault's records, in an order that does not depend on it. */
function state(vault: Vault) {
  return {
    records: [...vault.list()],
    deleted: ids.filter((id) => {
      try {
        vault.get(id);
        return false;
      } catch (error) {
        return (error as { code?: string }).code === 'record_deleted';
      }
    }),
    history: ids.map((id) => {
      try {
        return vault
          .history(id)
          .sort((a, b) => (a.revision < b.revision ? -1 : 1))
          .map((r) => ({ ...r, parents: [...r.parents].sort() }));
      } catch {
        return [];
      }
    }),
    conflicts: [...vault.conflicts()],
  };
}

async function deliver(device: Device, file: string, imported: Set<string>) {
  const key = `${device.name}:${file}`;
  if (imported.has(key)) return;
  imported.add(key);
  await receive(device, file);
}

describe('hand sync converges', () => {
  it('every device ends in the same state, whatever was written and in whatever order bundles arrived', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }).chain((n) =>
          fc.record({
            devices: fc.constant(n),
            actions: fc.array(action(n), { minLength: 4, maxLength: 24 }),
            finalOrder: fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
          }),
        ),
        async ({ devices: count, actions, finalOrder }) => {
          const devices = await organisation(...['d0', 'd1', 'd2'].slice(0, count));
          const others = (d: Device) => devices.filter((o) => o !== d);
          const bundles: { file: string; from: Device }[] = [];
          const imported = new Set<string>();
          try {
            for (const step of actions) {
              if (step.kind === 'put') {
                const { vault } = devices[step.device]!;
                vault.put('person', edit(currentBody(vault, step.id), step.field, step.value), {
                  id: step.id,
                });
              } else if (step.kind === 'delete') {
                const { vault } = devices[step.device]!;
                try {
                  vault.delete(step.id);
                } catch {
                  // Not there, or already deleted: a person would not have pressed delete.
                }
              } else if (step.kind === 'export') {
                const from = devices[step.device]!;
                bundles.push({ from, file: await send(from, others(from), step) });
              } else if (bundles.length > 0) {
                const bundle = bundles[step.bundle % bundles.length]!;
                const to = devices[step.device]!;
                if (to !== bundle.from) await deliver(to, bundle.file, imported);
              }
            }
            // Everyone sends everything; every device takes in every bundle, each in its own order.
            for (const from of devices)
              bundles.push({ from, file: await send(from, others(from)) });
            for (const [i, to] of devices.entries()) {
              const mine = bundles.filter((b) => b.from !== to);
              const order = mine
                .map((bundle, j) => ({ bundle, key: finalOrder[(i + j) % finalOrder.length]! + j }))
                .sort((a, b) => a.key - b.key);
              for (const { bundle } of order) await deliver(to, bundle.file, imported);
            }
            const states = devices.map((d) => state(d.vault));
            for (const other of states.slice(1)) expect(other).toEqual(states[0]);

            // Idempotence: the same bundle again is refused and changes nothing; a new bundle of
            // revisions the vault already holds changes nothing either.
            const [first, second] = devices as [Device, Device];
            const again = bundles.find((b) => b.from !== first)!;
            await expect(receive(first, again.file)).rejects.toSatisfy(
              (error) => isBundleError(error) && error.problem === 'replayed',
            );
            const report = await receive(first, await send(second, [first]));
            expect(report.added).toBe(0);
            expect(state(first.vault)).toEqual(states[0]);
          } finally {
            for (const d of devices) d.vault.lock();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
