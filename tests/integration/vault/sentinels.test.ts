import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Vault } from '../../../db';
import { RecordFacetIndex } from '../../../main/vaultHost/recordFacets';
import { casebook } from '../../support/cli';
import { findSentinels, passphrase, tempDir, testKdfCost } from '../../support/vaults';

/** Planted strings in every script the documenters write in. None may reach the disk in clear. */
const sentinels = {
  cyrillic: 'Сакрэтнае Прозвішча Лукашэвіч',
  lacinka: 'Sakrètnaje Łukašèvič Źmitrŭk',
  arabic: 'سري للغاية حارس السجن',
  ascii: 'ZEBRA-SENTINEL-ASCII-9137',
  edit: 'Вартаўнік Другой Рэдакцыі',
  key: 'ключ_з_імем_Бялевіч',
  cli: 'Пасланне праз каманду Жукоўская',
};
const all = Object.values(sentinels);

describe('nothing sensitive in clear on disk', () => {
  it('planted strings never appear under the vault folder or the temp folder, in UTF-8 or UTF-16', async () => {
    const root = tempDir();
    const tmp = path.join(root, 'tmp');
    mkdirSync(tmp);
    const dir = path.join(root, 'vault');
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const clean = (stage: string) => expect(findSentinels([dir, tmp], all), stage).toEqual([]);
    try {
      const { vault } = await Vault.create(dir, passphrase, { kdfCost: testKdfCost });
      vault.put(
        'person',
        {
          names: [sentinels.cyrillic, sentinels.lacinka],
          notes: sentinels.arabic,
          contacts: { phone: sentinels.ascii, nested: [{ deep: [sentinels.cyrillic] }] },
          [sentinels.key]: true,
        },
        { id: 'p1' },
      );
      vault.put(
        'testimony',
        { transcript: `${sentinels.arabic} ${sentinels.ascii}`.repeat(200) },
        { id: 't1' },
      );
      clean('after puts, with the WAL open');
      vault.put('person', { names: [sentinels.edit] }, { id: 'p1' });
      vault.delete('t1');
      clean('after an edit and a delete');
      // The lists' facets (docs/record-facets.md) hold terms, days and ids, saved sealed.
      vault.put('detention', { personId: 'p1', facility: sentinels.ascii }, { id: 'd1' });
      vault.put('case', { title: 'x', type: sentinels.cyrillic }, { id: 'c1' });
      const facets = new RecordFacetIndex();
      expect((await facets.of(vault, 'case')).get('c1')?.caseType).toBe(sentinels.cyrillic);
      facets.save(vault);
      clean('after the lists’ facets were saved');
      vault.lock();
      clean('after lock');

      const reopened = await Vault.unlock(dir, passphrase);
      expect(reopened.history('p1')[0]!.body).toMatchObject({ notes: sentinels.arabic });
      reopened.changePassphrase('another passphrase entirely');
      reopened.lock();
      clean('after a passphrase change');

      const env = { CASEBOOK_PASSPHRASE: 'another passphrase entirely', TMPDIR: tmp };
      const put = casebook(['--vault', dir, 'put', '--type', 'person'], {
        env,
        input: JSON.stringify({ names: [{ value: sentinels.cli }] }),
      });
      expect(put.status, put.stderr).toBe(0);
      expect(casebook(['--vault', dir, 'list'], { env }).stdout).toContain(sentinels.cli);
      clean('after CLI writes and reads');
    } finally {
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
    }
  });

  it('the scanner itself finds a planted string in each encoding', () => {
    const root = tempDir();
    for (const [name, encoding] of [
      ['a', 'utf8'],
      ['b', 'utf16le'],
    ] as const) {
      writeFileSync(path.join(root, name), Buffer.from(`xx${sentinels.lacinka}yy`, encoding));
    }
    writeFileSync(path.join(root, 'c'), Buffer.from(sentinels.arabic, 'utf16le').swap16());
    expect(findSentinels([root], all)).toHaveLength(3);
  });
});
