import type { VaultErrorCode } from '../errors';
import type { CatalogShape } from './catalog';

// Plural forms differ between English and the Slavic languages (one / few / many), so texts
// with a number are written without one ("Records: 12", "5 min").
export const en = {
  app: {
    name: 'Casebook',
    tagline: 'Encrypted case records, kept on this computer.',
    unavailable:
      'This page cannot reach a vault. Open Casebook from its own icon; if this keeps happening, reinstall it.',
  },
  common: {
    language: 'Language',
    loading: 'Loading…',
    continue: 'Continue',
    mainRegion: 'Casebook',
  },
  titles: {
    welcome: 'Welcome',
    recovery: 'Recovery code',
    unlock: 'Unlock',
    people: 'People',
  },
  menu: {
    vault: 'Vault',
    lock: 'Lock vault',
  },
  folderDialog: {
    create: 'Choose a folder for the new vault',
    open: 'Choose the folder of the vault',
  },
  welcome: {
    title: 'Welcome to Casebook',
    intro:
      'Casebook keeps your case records encrypted on this computer. Nothing in a vault can be read without its passphrase.',
    createHeading: 'Create a new vault',
    openHeading: 'Open an existing vault',
    openIntro: 'If a vault already exists on this computer or on a USB drive, open its folder.',
    openButton: 'Open a vault folder…',
  },
  create: {
    folderLabel: 'Folder',
    chooseFolder: 'Choose another folder…',
    passphraseLabel: 'Passphrase',
    passphraseHint:
      'Use four or more words that belong together only for you. At least 8 characters.',
    repeatLabel: 'Repeat the passphrase',
    showPassphrase: 'Show the passphrase',
    submit: 'Create vault',
    creating: 'Creating the vault… This takes a few seconds.',
    tooShort: 'The passphrase needs at least 8 characters.',
    mismatch: 'The two passphrases are not the same. Type them again.',
    strengthLabel: 'Strength:',
    strength: {
      empty: 'type a passphrase to see how strong it is.',
      weak: 'weak, easy to guess. Add more words.',
      fair: 'fair. Add another word or two.',
      good: 'good.',
      strong: 'strong.',
    },
  },
  recovery: {
    title: 'Write down your recovery code',
    intro:
      'If you forget the passphrase, this code is the only way into the vault. It is shown only now.',
    advice:
      'Write it on paper and keep the paper away from this computer. Anyone who has the code can open the vault.',
    codeLabel: 'Recovery code',
    written: 'The code is written on paper',
    checkTitle: 'Check your copy',
    checkIntro:
      'Type these groups from your paper, to make sure the copy is right. Groups are counted from the left.',
    groupLabel: 'Group {{number}}',
    confirm: 'Confirm',
    mismatch:
      'That does not match the code. Look at your paper again, or show the code and correct the copy.',
    showAgain: 'Show the code again',
  },
  unlock: {
    title: 'Unlock the vault',
    folder: 'Vault folder',
    secretLabel: 'Passphrase or recovery code',
    submit: 'Unlock',
    unlocking: 'Unlocking…',
    empty: 'Type the passphrase or the recovery code.',
    openOther: 'Open another vault…',
    createNew: 'Create a new vault',
    lockedIdle: 'Casebook locked the vault because nobody used it for a while.',
    lockedSystem:
      'Casebook locked the vault when the computer went to sleep or the screen was locked.',
    lockedFailure: 'Casebook locked the vault after an internal problem. Unlock it to continue.',
  },
  home: {
    lock: 'Lock',
    lockHint: 'Ctrl+L locks the vault at any time.',
    vaultFolder: 'Vault: {{folder}}',
    autoLock: 'Lock after',
    minutes: '{{minutes}} min',
    sections: 'Sections',
  },
  people: {
    title: 'People',
    count: 'Records: {{total}}',
    addHeading: 'Add a person',
    nameLabel: 'Name',
    nameHint: 'As the person writes it. Other spellings can be added later.',
    nameRequired: 'Type a name.',
    add: 'Add',
    adding: 'Saving…',
    added: 'Saved: {{name}}',
    empty: 'No people are recorded yet. Add the first one above.',
    listLabel: 'People in this vault',
    loadingRow: 'Loading…',
    damagedRow: 'This record cannot be opened (record {{id}}).',
    unnamed: '(no name)',
  },
  errors: {
    no_vault:
      'There is no Casebook vault in this folder. Choose the right folder, or create a new vault.',
    vault_exists:
      'There is already a vault in this folder. Choose an empty folder for a new vault, or open the existing one.',
    wrong_secret:
      'That passphrase or recovery code does not open this vault. Check the keyboard layout (Latin or Cyrillic) and Caps Lock, then try again.',
    keyslots_damaged:
      'The key file of this vault is damaged or belongs to another vault. Nothing was changed. Restore the vault from your latest backup.',
    keys_destroyed: 'This vault was erased: nothing can open it any more.',
    database_damaged:
      'The vault database is damaged. Nothing was changed. Restore the vault from your latest backup.',
    database_too_new:
      'This vault was written by a newer version of Casebook. Update Casebook to open it.',
    record_not_found:
      'That record is not in this vault. It may have been deleted elsewhere; reopen the list.',
    record_deleted: 'That record was deleted. Its earlier versions are kept in its history.',
    record_damaged:
      'This record cannot be opened: its stored data is damaged. Restore it from a backup.',
    type_mismatch:
      'That record id is already used by a record of another kind. Nothing was changed.',
    invalid_input: 'Casebook could not accept what was entered. Check it and try again.',
    locked: 'The vault is locked. Unlock it to continue.',
    validation_failed: 'Some fields need correcting before the record can be saved.',
    invalid_request:
      'Casebook refused a request from its own window. Restart Casebook; if it happens again, report it.',
    internal_error:
      'Something went wrong inside Casebook. Try again; if it happens again, restart Casebook.',
  } satisfies Record<VaultErrorCode, string>,
};

export type Catalog = CatalogShape<typeof en>;
