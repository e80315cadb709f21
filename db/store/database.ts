import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import { VaultError, damagedDatabase, isDamagedDatabase } from '../errors';
import { migrate, schemaVersion } from './migrations/runner';

export type SqliteDatabase = Database.Database;

export interface OpenOptions {
  /** Only vault creation may start a database from nothing; unlock must find a vault's schema. */
  readonly create?: boolean;
  /** Where better-sqlite3's native addon lives when the default (Node's ABI) is not it. */
  readonly nativeBinding?: string;
}

/**
 * Opens (or creates) the vault database with the settings the security model relies on:
 * WAL for crash safety with readers beside a writer, FULL sync so an acknowledged write
 * survives power loss too, and temp_store=MEMORY so SQLite never spills sorts to temp files.
 */
export function openDatabase(file: string, options: OpenOptions = {}): SqliteDatabase {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, {
      fileMustExist: !options.create,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    // Owner-only, before the WAL and shared-memory files exist: SQLite gives them the same mode.
    if (options.create && process.platform !== 'win32') chmodSync(file, 0o600);
    // SQLite takes an emptied file for a new database; for a vault that is damage, not a start.
    // Checked before any pragma below can write to the file.
    if (!options.create && schemaVersion(db) === 0) throw damagedDatabase(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof VaultError) throw error;
    if (isDamagedDatabase(error)) throw damagedDatabase(file);
    throw error;
  }
}
