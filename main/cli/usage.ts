export const usage = `Casebook: an encrypted vault for documenting political persecution.

Usage: casebook --vault DIR <command> [options]

  init                          create a vault; prints its recovery code once
  put --type T [--id ID]        store the JSON object on standard input as a new
                                revision; prints {"id","revision"}
  get ID                        the current state of a record, as JSON
  list [--type T]               current records, one JSON object per line
  history ID                    every revision of a record, one per line
  delete ID                     delete a record (its history stays)
  import FILE [--dry-run]       import an interchange file (JSON Lines); every
                                line is checked before anything is written
  export [--format jsonl|csv] [--type T] [--out FILE]
                                export current records (csv needs --type)
  search TEXT [--type T] [--json] [--limit N]
         [--region R] [--article A] [--status S] [--sex S] [--from D] [--to D]
                                find records, names in any script or spelling
  stats --as-of D [--from D1 --to D2] [--json]
                                the monitoring figures as of a day, and for a period
  report --kind case|person|review|wgad --profile P [--id ID | --as-of D]
         [--from D1 --to D2] [--lang en|be|ru|uk] --out FILE.pdf
                                a redacted report (pdf, html, json or csv by the
                                file's name); P is public, un, lawyer, internal
                                (as edited in the app), one the organisation
                                added, or a profile file (.json). Nothing is
                                written if a removed value is found in it
  export-image FILE_ID --out FILE.jpg|FILE.png [--black-out X,Y,W,H ...] [--purpose WHY]
                                an image attachment with every metadata block
                                (GPS, camera serial, author ...) removed and the
                                regions blacked out, in pixels of the upright
                                image; entered in the custody log (docs/images.md)
  attach ID FILE [--obtained-by WHO] [--obtained-on DATE] [--method HOW] [--from WHOM]
                                keep FILE, encrypted, as evidence for record ID;
                                prints {"fileId","sha256","size"} (docs/attachments.md)
  attachments ID                the files attached to a record, one JSON object per line
  extract FILE_ID --out PATH [--purpose WHY]
                                decrypt an attachment to PATH, checked against its
                                intake SHA-256; entered in its custody log
  verify                        recompute every attachment's SHA-256 and check every
                                custody log; one line per problem, exit 1 if any
  schema                        print the interchange format's JSON Schema (no vault)
  bundle export (--to R... | --passphrase) [--since-last] [--without-attachments] --out FILE
                                a signed, encrypted bundle of this vault's revisions
                                (all, or those R was not sent yet) and their evidence
                                files; R is an age1... recipient or a trusted name;
                                docs/bundle.md
  bundle import FILE [--trust-signer KEY] [--identity AGEKEYS]
                                check a bundle's signature and every revision, then
                                merge it in one transaction
  bundle restore FILE           make a new vault at --vault from a full bundle
  identity [--name NAME]        this vault's public identity, for others to trust
  trust list | import PROFILE.json | add-device FILE|- [--name N] | profile
                                the devices this vault trusts and sends to
  conflicts                     records changed differently on two devices, one
                                JSON object per line; a put over them resolves
  passwd                        change the passphrase
  erase --yes                   destroy the vault at once; nothing can open it after

Record types: person, case, act, detention, proceeding, testimony, source,
vocabulary (docs/model.md lists their fields; docs/interchange.md the file format).
The passphrase comes from CASEBOOK_PASSPHRASE, or is asked for without echo.
The recovery code works wherever the passphrase does. passwd takes the new
passphrase from CASEBOOK_NEW_PASSPHRASE, or asks for it twice. A bundle
passphrase comes from CASEBOOK_BUNDLE_PASSPHRASE, or is asked for.
`;
