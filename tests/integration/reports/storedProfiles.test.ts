// The organisation's export profiles, stored in the vault as a sealed setting: read back as
// saved, checked on the way in and on the way out, never in clear on disk, used by the CLI
// before the shipped ones, and reset to what Casebook ships.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { Vault } from '../../../db';
import {
  readReportProfiles,
  reportProfilesSetting,
  resetReportProfile,
  saveReportProfile,
} from '../../../db/reports';
import { defaultExportProfiles, type ExportProfile } from '../../../shared/redaction';
import { reportStyleSheet } from '../../../shared/reports';
import { casebook } from '../../support/cli';
import { findSentinels, newVault, passphrase, tempDir } from '../../support/vaults';

const publicProfile = defaultExportProfiles[0]!;
const edited: ExportProfile = {
  ...publicProfile,
  labels: { en: 'Public, names shown (Kavbada edition)' },
  classes: { ...publicProfile.classes, confidential: 'show' },
};

describe('stored export profiles', () => {
  it('are the shipped ones until the organisation edits one, and then that one, sealed', async () => {
    const { vault, dir } = await newVault();
    expect(readReportProfiles(vault)).toEqual({
      profiles: defaultExportProfiles,
      edited: [],
    });
    saveReportProfile(vault, edited);
    saveReportProfile(vault, { ...edited, id: 'embassy', labels: { en: 'For embassies' } });
    const read = readReportProfiles(vault);
    expect(read.edited).toEqual(['public', 'embassy']);
    expect(read.profiles.map((p) => p.id)).toEqual([
      'public',
      'un',
      'lawyer',
      'internal',
      'embassy',
    ]);
    expect(read.profiles[0]).toEqual(edited);
    vault.lock();
    // The label is in no file in clear: the setting is sealed like every record.
    expect(findSentinels([dir], ['Kavbada edition'])).toEqual([]);

    const reopened = await Vault.unlock(dir, passphrase);
    expect(readReportProfiles(reopened).profiles[0]).toEqual(edited);
    resetReportProfile(reopened, 'public');
    resetReportProfile(reopened, 'embassy');
    expect(readReportProfiles(reopened)).toEqual({ profiles: defaultExportProfiles, edited: [] });
    reopened.lock();
  });

  it('refuses a profile that is not one, naming the field, and changes nothing', async () => {
    const { vault } = await newVault();
    saveReportProfile(vault, edited);
    for (const bad of [
      { ...edited, classes: { ...edited.classes, secret: 'hide' } },
      { ...edited, fields: { 'person.nmes[].value': 'show' } },
      { ...edited, id: 'Public Profile' },
    ]) {
      expect(() => saveReportProfile(vault, bad)).toThrow(/not saved: .*must be corrected/);
    }
    expect(readReportProfiles(vault).profiles[0]).toEqual(edited);
    vault.lock();
  });

  it('refuses stored profiles that do not parse, and a reset starts over', async () => {
    const { vault } = await newVault();
    vault.writeSetting(reportProfilesSetting, Buffer.from('{"version":1,"profiles":[{"id":1}]}'));
    expect(() => readReportProfiles(vault)).toThrow(/cannot be read/);
    resetReportProfile(vault, 'public');
    expect(readReportProfiles(vault).edited).toEqual([]);
    vault.lock();
  });

  it('are what `casebook report --profile NAME` uses before the shipped ones', async () => {
    const { vault, dir } = await newVault();
    vault.put('person', { names: [{ value: 'Марыя Калеснікава', lang: 'be' }] }, { id: 'p-1' });
    vault.lock();
    const env = { CASEBOOK_PASSPHRASE: passphrase };
    const report = (out: string) =>
      casebook(
        [
          '--vault',
          dir,
          'report',
          '--kind',
          'person',
          '--profile',
          'public',
          '--id',
          'p-1',
          '--out',
          out,
        ],
        { env },
      );
    const before = path.join(tempDir(), 'before.json');
    const first = report(before);
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(before, 'utf8')).not.toContain('Калеснікава');

    const again = await Vault.unlock(dir, passphrase);
    saveReportProfile(again, edited);
    again.lock();
    const after = path.join(tempDir(), 'after.json');
    const run = report(after);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(after, 'utf8')).toContain('Калеснікава');
  });
});

describe("the preview's stylesheet", () => {
  it('is the report’s own (renderer/public/report-preview.css, linked by the preview)', () => {
    const file = readFileSync(
      path.join(__dirname, '../../../renderer/public/report-preview.css'),
      'utf8',
    );
    // Prettier formats the file; compare what a browser would read.
    const css = (text: string) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/"/g, "'")
        .replace(/\s+/g, '')
        .replace(/;}/g, '}');
    expect(css(file)).toContain(css(reportStyleSheet));
  });
});
