import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exportBundle, isBundleError, type BundleProblem } from '../../../db/bundles';
import { bundlePath, organisation, receive, send } from './devices';

const refusedAs = (problem: BundleProblem) => (error: unknown) =>
  isBundleError(error) && error.problem === problem;

describe('bundles between a field laptop and headquarters', () => {
  it('carries every revision with its id, parents, device and time', async () => {
    const [field, hq] = await organisation('field', 'hq');
    field!.vault.put('person', { names: ['Alena'] }, { id: 'p1' });
    field!.vault.put('person', { names: ['Alena', 'Алена'] }, { id: 'p1' });
    field!.vault.put('case', { title: 'Trial' }, { id: 'c1' });
    field!.vault.delete('c1');
    const report = await receive(hq!, await send(field!, [hq!]));
    expect(report).toMatchObject({ revisions: 4, added: 4, alreadyPresent: 0, records: 2 });
    expect(hq!.vault.history('p1')).toEqual(field!.vault.history('p1'));
    expect(hq!.vault.history('c1')).toEqual(field!.vault.history('c1'));
    expect(() => hq!.vault.get('c1')).toThrow(/was deleted/);
    expect([...hq!.vault.list()]).toEqual([...field!.vault.list()]);
  });

  it('a field laptop that exported to headquarters cannot read its own bundle back', async () => {
    const [field, hq] = await organisation('field', 'hq');
    field!.vault.put('person', { names: ['Secret'] }, { id: 'p1' });
    const file = await send(field!, [hq!]);
    await expect(receive(field!, file)).rejects.toSatisfy(refusedAs('not_for_this_vault'));
    expect(readFileSync(file).includes(Buffer.from('Secret'))).toBe(false);
  });

  it('--since-last sends only the revisions that recipient was not sent yet', async () => {
    const [field, hq] = await organisation('field', 'hq');
    for (const id of ['p1', 'p2', 'p3']) field!.vault.put('person', { n: 1 }, { id });
    expect((await receive(hq!, await send(field!, [hq!], { sinceLast: true }))).revisions).toBe(3);
    field!.vault.put('person', { n: 2 }, { id: 'p2' });
    const next = await receive(hq!, await send(field!, [hq!], { sinceLast: true }));
    expect(next).toMatchObject({ scope: 'incremental', revisions: 1, added: 1 });
    expect(hq!.vault.get('p2').body).toEqual({ n: 2 });
    const nothing = await receive(hq!, await send(field!, [hq!], { sinceLast: true }));
    expect(nothing.revisions).toBe(0);
  });

  it('an incremental bundle that arrives before the one it follows still lands, and the record settles', async () => {
    const [field, hq] = await organisation('field', 'hq');
    field!.vault.put('person', { n: 1 }, { id: 'p1' });
    const first = await send(field!, [hq!], { sinceLast: true });
    field!.vault.put('person', { n: 2 }, { id: 'p1' });
    const second = await send(field!, [hq!], { sinceLast: true });
    await receive(hq!, second);
    expect(hq!.vault.get('p1').body).toEqual({ n: 2 });
    await receive(hq!, first);
    expect(hq!.vault.get('p1')).toEqual(field!.vault.get('p1'));
    expect([...hq!.vault.conflicts()]).toEqual([]);
  });
});

describe('merging concurrent changes', () => {
  async function diverged() {
    const [field, hq] = await organisation('field', 'hq');
    field!.vault.put(
      'person',
      { name: 'A', notes: 'n', contacts: { phone: '1', city: 'Minsk' } },
      { id: 'p1' },
    );
    await receive(hq!, await send(field!, [hq!]));
    return { field: field!, hq: hq! };
  }

  async function exchange(a: Awaited<ReturnType<typeof diverged>>) {
    const [toHq, toField] = [await send(a.field, [a.hq]), await send(a.hq, [a.field])];
    await receive(a.hq, toHq);
    await receive(a.field, toField);
  }

  it('fields changed on one side only merge by themselves, into the same state on both devices', async () => {
    const devices = await diverged();
    devices.field.vault.put(
      'person',
      { name: 'A', notes: 'field note', contacts: { phone: '1', city: 'Minsk' } },
      { id: 'p1' },
    );
    devices.hq.vault.put(
      'person',
      { name: 'A', notes: 'n', contacts: { phone: '2', city: 'Minsk' } },
      { id: 'p1' },
    );
    await exchange(devices);
    const merged = devices.hq.vault.get('p1');
    expect(merged.body).toEqual({
      name: 'A',
      notes: 'field note',
      contacts: { phone: '2', city: 'Minsk' },
    });
    expect(merged.parents).toHaveLength(2);
    expect(devices.field.vault.get('p1')).toEqual(merged);
    expect([...devices.hq.vault.conflicts()]).toEqual([]);
  });

  it('the same field changed differently is a conflict that lists both; a put over all heads resolves it everywhere', async () => {
    const devices = await diverged();
    const fieldRevision = devices.field.vault.put(
      'person',
      { name: 'A', notes: 'from the field' },
      { id: 'p1' },
    );
    const hqRevision = devices.hq.vault.put(
      'person',
      { name: 'A', notes: 'from headquarters', contacts: { phone: '2', city: 'Minsk' } },
      { id: 'p1' },
    );
    await exchange(devices);
    const [conflict] = [...devices.hq.vault.conflicts()];
    expect(conflict).toMatchObject({ id: 'p1', type: 'person', fields: ['notes', 'contacts'] });
    expect(conflict!.revisions.map((r) => r.revision).sort()).toEqual(
      [fieldRevision.revision, hqRevision.revision].sort(),
    );
    const values = Object.fromEntries(conflict!.revisions.map((r) => [r.revision, r.values]));
    expect(values[fieldRevision.revision]).toEqual({ notes: 'from the field' });
    expect(values[hqRevision.revision]).toEqual({
      notes: 'from headquarters',
      contacts: { phone: '2', city: 'Minsk' },
    });
    expect([...devices.field.vault.conflicts()]).toEqual([conflict]);

    const resolved = devices.hq.vault.put(
      'person',
      { name: 'A', notes: 'both, checked' },
      { id: 'p1' },
    );
    const written = devices.hq.vault.history('p1').find((r) => r.revision === resolved.revision)!;
    expect([...written.parents].sort()).toEqual(
      [fieldRevision.revision, hqRevision.revision].sort(),
    );
    await exchange(devices);
    for (const { vault } of [devices.hq, devices.field]) {
      expect([...vault.conflicts()]).toEqual([]);
      expect(vault.get('p1').body).toEqual({ name: 'A', notes: 'both, checked' });
    }
  });

  it('a deletion wins over the revision it saw, not over an edit it did not see', async () => {
    const devices = await diverged();
    devices.field.vault.delete('p1');
    devices.hq.vault.put('person', { name: 'A', notes: 'new testimony' }, { id: 'p1' });
    await exchange(devices);
    for (const { vault } of [devices.hq, devices.field])
      expect(vault.get('p1').body).toEqual({ name: 'A', notes: 'new testimony' });

    devices.hq.vault.delete('p1');
    await exchange(devices);
    for (const { vault } of [devices.hq, devices.field])
      expect(() => vault.get('p1')).toThrow(/was deleted/);
  });

  it('a record made on two devices under one id merges field by field from nothing', async () => {
    const [field, hq] = await organisation('field', 'hq');
    field!.vault.put('vocabulary', { name: 'regions', terms: ['by-mi'] }, { id: 'v1' });
    hq!.vault.put('vocabulary', { name: 'regions', terms: ['by-mi'] }, { id: 'v1' });
    field!.vault.put('person', { a: 1, b: 2 }, { id: 'p1' });
    hq!.vault.put('person', { a: 1, b: 3 }, { id: 'p1' });
    await receive(hq!, await send(field!, [hq!]));
    expect(hq!.vault.get('v1').body).toEqual({ name: 'regions', terms: ['by-mi'] });
    expect([...hq!.vault.conflicts()].map((c) => [c.id, c.fields])).toEqual([['p1', ['b']]]);
  });

  it('a revision that would change a record into another type is refused, and nothing changes', async () => {
    const [field, hq] = await organisation('field', 'hq');
    field!.vault.put('person', { a: 1 }, { id: 'x1' });
    field!.vault.put('person', { a: 1 }, { id: 'x2' });
    hq!.vault.put('case', { a: 1 }, { id: 'x2' });
    const before = [...hq!.vault.list()];
    await expect(receive(hq!, await send(field!, [hq!]))).rejects.toThrow(
      /Record x2 is a case in this vault, not a person.*Nothing was changed/,
    );
    expect([...hq!.vault.list()]).toEqual(before);
    expect(() => hq!.vault.get('x1')).toThrow(/no record x1/);
  });

  it('an export to nobody, or to something that is not a recipient, writes nothing', async () => {
    const [field] = await organisation('field');
    const file = bundlePath();
    await expect(exportBundle(field!.vault, file, {})).rejects.toThrow(/either to recipients/);
    await expect(exportBundle(field!.vault, file, { recipients: ['age1nope'] })).rejects.toThrow(
      /not an age X25519 recipient/,
    );
    await expect(exportBundle(field!.vault, file, { passphrase: 'short' })).rejects.toThrow(
      /at least 12 characters/,
    );
    expect(() => readFileSync(file)).toThrow();
  });
});
