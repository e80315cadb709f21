import type Database from 'better-sqlite3';
import { VaultError } from '../../errors';
import type { Migration } from './migration';
import { migrations as allMigrations } from './index';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date, all steps in one transaction so a crash leaves either the
 * old schema or the new one. A database from a newer Casebook is refused, not guessed at.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = allMigrations,
): void {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new VaultError(
      'database_too_new',
      `This vault was written by a newer version of Casebook (schema ${current}; this one knows ${latest}). Nothing was changed. Update Casebook to open it.`,
    );
  }
  if (current === latest) return;
  db.transaction(() => {
    for (const migration of migrations.slice(current)) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
