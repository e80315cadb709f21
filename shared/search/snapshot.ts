import { ByteReader, ByteWriter } from './bytes';
import { DocumentTable } from './documentTable';
import { SearchIndex } from './searchIndex';
import { damaged, SnapshotUnusable } from './snapshotError';
import { TermIndex } from './termIndex';

/**
 * The index as bytes, for the vault to keep encrypted and load at unlock instead of
 * decrypting and re-indexing every record. docs/search.md specifies the layout.
 */
const magic = [0x63, 0x62, 0x73, 0x69]; // "cbsi"

/** The layout of the bytes. */
export const snapshotFormat = 1;

/**
 * The name key and word splitting that produced the terms. A snapshot made with other rules
 * would answer differently from a fresh index, so it is refused and rebuilt.
 */
export const nameKeyVersion = 1;

export function serialise(index: SearchIndex): Uint8Array {
  const parts = index.compactedParts();
  const out = new ByteWriter();
  for (const b of magic) out.byte(b);
  out.byte(snapshotFormat);
  out.byte(nameKeyVersion);
  parts.docs.write(out);
  parts.exactNames.write(out);
  parts.nameKeys.write(out);
  parts.text.write(out);
  return out.finish();
}

/** Throws SnapshotUnusable when the bytes are not a snapshot this version can use. */
export function deserialise(bytes: Uint8Array): SearchIndex {
  const input = new ByteReader(bytes);
  if (bytes.length < magic.length + 2 || magic.some((b, i) => bytes[i] !== b))
    throw new SnapshotUnusable('not_a_snapshot', 'not a Casebook search index');
  for (let i = 0; i < magic.length; i++) input.byte();
  const format = input.byte();
  if (format !== snapshotFormat)
    throw new SnapshotUnusable('other_version', `format ${format}, not ${snapshotFormat}`);
  const keys = input.byte();
  if (keys !== nameKeyVersion)
    throw new SnapshotUnusable('other_version', `name keys ${keys}, not ${nameKeyVersion}`);
  const docs = DocumentTable.read(input);
  const ordinals = docs.rows.length;
  const exactNames = TermIndex.read(input, ordinals);
  const nameKeys = TermIndex.read(input, ordinals);
  const text = TermIndex.read(input, ordinals);
  if (!input.atEnd) throw damaged('bytes after the end');
  for (const row of docs.rows)
    for (const name of row!.names)
      for (const keyId of name) if (keyId >= nameKeys.termCount) throw damaged('a name key id');
  return new SearchIndex({ docs, exactNames, nameKeys, text });
}
