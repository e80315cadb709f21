import {
  describeProblem,
  parseLine,
  type FieldValidator,
  type InterchangeEntity,
  type LineProblem,
} from '../../shared/interchange';
import { canonicalJson } from '../../shared/records';
import { VaultError, isVaultError } from '../errors';
import type { Vault } from '../vault/vault';

export interface ImportProgress {
  readonly phase: 'checking' | 'writing';
  readonly done: number;
  readonly total?: number;
}

export interface ImportOptions {
  /** Checks one line's fields against its type's schema. */
  readonly validate: FieldValidator;
  /**
   * Checks that need the whole file at once, such as terms that must exist in a vocabulary
   * the same file may bring: problems keyed by record id.
   */
  readonly crossCheck?: (
    entities: readonly InterchangeEntity[],
  ) => readonly { id: string; path: string; message: string }[];
  /** Check everything and report what would change, but write nothing. */
  readonly dryRun?: boolean;
  readonly onProgress?: (progress: ImportProgress) => void;
  /**
   * Stops the import: read between lines while checking, and between batches of writes, where
   * the one transaction then rolls back. Nothing is written either way.
   */
  readonly signal?: AbortSignal;
}

export interface ImportReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly dryRun: boolean;
  /** The records created or updated (or that would be, in a dry run), for follow-up checks. */
  readonly changed: readonly InterchangeEntity[];
  /** The same counts, per record type: what an import screen shows before it writes. */
  readonly byType: Readonly<Record<string, ImportCounts>>;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** How many problems an error message lists before saying "and N more". */
const problemsShown = 20;

/** How many writes go between two progress reports and cancellation checks. */
const writeBatch = 1000;

/** A file refused whole, with every problem located (the message lists the first few). */
export class ImportRefused extends VaultError {
  constructor(
    readonly problems: readonly LineProblem[],
    message: string,
  ) {
    super('invalid_input', message);
    this.name = 'ImportRefused';
  }
}

/**
 * Imports an interchange file: every line is checked first, and the file is rejected whole
 * if any line is wrong, so a bad file changes nothing. Then all writes land in one
 * transaction. A record whose id is already in the vault gets a new revision, never a
 * duplicate; one whose fields are unchanged is left alone.
 */
export async function importJsonLines(
  vault: Vault,
  lines: AsyncIterable<string>,
  options: ImportOptions,
): Promise<ImportReport> {
  const problems: LineProblem[] = [];
  const entities: InterchangeEntity[] = [];
  const firstLineOf = new Map<string, number>();
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (options.signal?.aborted) throw cancelled();
    const parsed = parseLine(text, lineNumber, options.validate);
    if (parsed.kind === 'problems') problems.push(...parsed.problems);
    if (parsed.kind === 'header' && entities.length + problems.length > 0) {
      problems.push({ line: lineNumber, message: 'a header may only stand on the first line' });
    }
    if (parsed.kind !== 'entity') continue;
    const { id } = parsed.entity;
    const earlier = firstLineOf.get(id);
    if (earlier !== undefined) {
      problems.push({
        line: lineNumber,
        path: 'id',
        message: `${id} is already on line ${earlier}: one line per record`,
      });
      continue;
    }
    firstLineOf.set(id, lineNumber);
    entities.push(parsed.entity);
    if (lineNumber % 1000 === 0) options.onProgress?.({ phase: 'checking', done: lineNumber });
  }

  for (const problem of options.crossCheck?.(entities) ?? []) {
    problems.push({
      line: firstLineOf.get(problem.id)!,
      path: `fields.${problem.path}`,
      message: problem.message,
    });
  }

  // Against the vault: what is new, what changes, and what would change a record's type.
  const plan: { entity: InterchangeEntity; change: 'created' | 'updated' | 'unchanged' }[] = [];
  for (const entity of entities) {
    if (options.signal?.aborted) throw cancelled();
    let existing;
    try {
      existing = vault.get(entity.id);
    } catch (error) {
      if (
        isVaultError(error) &&
        (error.code === 'record_not_found' || error.code === 'record_deleted')
      ) {
        plan.push({ entity, change: error.code === 'record_not_found' ? 'created' : 'updated' });
        continue;
      }
      throw error;
    }
    if (existing.type !== entity.type) {
      problems.push({
        line: firstLineOf.get(entity.id)!,
        path: 'type',
        message: `${entity.id} is a ${existing.type} in the vault, not a ${entity.type}`,
      });
      continue;
    }
    const same =
      existing.body !== null && canonicalJson(existing.body) === canonicalJson(entity.fields);
    plan.push({ entity, change: same ? 'unchanged' : 'updated' });
  }

  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    const shown = problems.slice(0, problemsShown).map(describeProblem);
    const more =
      problems.length > problemsShown ? `\n  ... and ${problems.length - problemsShown} more` : '';
    throw new ImportRefused(
      problems,
      `The file was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}. Nothing was written. Fix these lines and import it again:\n  ${shown.join('\n  ')}${more}`,
    );
  }

  const count = (change: string) => plan.filter((p) => p.change === change).length;
  const writes = plan.filter((p) => p.change !== 'unchanged');
  const byType: Record<string, ImportCounts> = {};
  for (const { entity, change } of plan) {
    (byType[entity.type] ??= { created: 0, updated: 0, unchanged: 0 })[change]++;
  }
  const report = {
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    dryRun: !!options.dryRun,
    changed: writes.map((p) => p.entity),
    byType,
  };
  if (options.dryRun) return report;
  vault.batch(() => {
    writes.forEach(({ entity }, i) => {
      vault.put(entity.type, entity.fields, { id: entity.id });
      if ((i + 1) % writeBatch === 0) {
        options.onProgress?.({ phase: 'writing', done: i + 1, total: writes.length });
        // Thrown inside the batch: the transaction rolls back whole.
        if (options.signal?.aborted) throw cancelled();
      }
    });
  });
  return report;
}

function cancelled(): VaultError {
  return new VaultError('cancelled', 'Import cancelled. Nothing was written.');
}
