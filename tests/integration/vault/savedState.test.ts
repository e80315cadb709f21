import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Vault } from '../../../db';
import { findSentinels, newVault, passphrase } from '../../support/vaults';

describe('saved states and the change log', () => {
  it('keeps a sealed state across lock and unlock, bound to its name and position', async () => {
    const { vault, dir } = await newVault();
    vault.put('person', { names: [{ value: 'Ales' }] });
    const bytes = new TextEncoder().encode('index naming Алесь Бяляцкі');
    vault.writeState('search-index', bytes, vault.lastSeq());
    vault.lock();
    expect(findSentinels([dir], ['Алесь Бяляцкі'])).toEqual([]);

    const reopened = await Vault.unlock(dir, passphrase);
    expect(reopened.readState('search-index')).toEqual({ bytes, upToSeq: 1 });
    expect(reopened.readState('other-index')).toBeNull();
    reopened.lock();

    // Moved to another name or position, it no longer opens: the caller rebuilds instead.
    const raw = new Database(`${dir}/vault.db`);
    raw.prepare("UPDATE sealed_state SET up_to_seq = 0 WHERE name = 'search-index'").run();
    raw.close();
    const again = await Vault.unlock(dir, passphrase);
    expect(again.readState('search-index')).toBeNull();
    again.lock();
  });

  it('lists the records changed since a position, deletions included', async () => {
    const { vault } = await newVault();
    vault.put('person', { n: 1 }, { id: 'a' });
    vault.put('person', { n: 1 }, { id: 'b' });
    const mark = vault.lastSeq();
    vault.put('person', { n: 2 }, { id: 'a' });
    vault.put('case', { n: 1 }, { id: 'c' });
    vault.delete('b');
    const changed = [...vault.changedSince(mark)].map((r) => [r.id, r.deleted, r.body]);
    expect(changed.sort()).toEqual([
      ['a', false, { n: 2 }],
      ['b', true, null],
      ['c', false, { n: 1 }],
    ]);
    expect([...vault.changedSince(vault.lastSeq())]).toEqual([]);
    expect([...vault.changedSince(0)]).toHaveLength(3);
    vault.lock();
  });
});
