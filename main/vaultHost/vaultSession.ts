import { Vault, VaultError, isVaultError, type Argon2idCost, type CreateOptions } from '../../db';
import { seedDefaultVocabularies, vaultVocabularies } from '../../db/caseRecords';
import { VaultSearch } from '../../db/search';
import { earliestDay, latestDay } from '../../shared/dates';
import type { ChannelArgs, ChannelResult, RecordHead } from '../../shared/ipc/contract';
import {
  parseRecord,
  recordLabel,
  vocabularyRecordType,
  type RecordError,
  type Vocabulary,
} from '../../shared/model';
import type { JsonObject } from '../../shared/records';
import type { SearchOptions } from '../../shared/search';
import { unknownTerms } from '../../shared/vocabularies';
import { RecordRefused } from '../ipc/errors';
import { listConflicts, resolution } from './conflicts';
import { RecordFacetIndex } from './recordFacets';
import { RecordIdIndex } from './recordIdIndex';

export interface VaultSessionOptions {
  /** better-sqlite3's addon built for Electron's ABI (the app); absent under plain Node. */
  readonly nativeBinding?: string;
  /** Argon2id cost for new vaults. Only tests lower it. */
  readonly kdfCost?: Argon2idCost;
}

export interface SessionStatus {
  readonly unlocked: boolean;
  readonly folder: string | null;
}

/**
 * What the vault host can be asked to do: one method per operation, each taking one plain
 * object and returning one (or throwing a VaultError). The worker runs these; the main thread
 * calls them by message (vaultHost.ts).
 */
export interface VaultOps {
  status(args: Record<string, never>): SessionStatus;
  create(args: ChannelArgs<'vault.create'>): Promise<ChannelResult<'vault.create'>>;
  unlock(args: ChannelArgs<'vault.unlock'>): Promise<Record<string, never>>;
  lock(args: Record<string, never>): { wasUnlocked: boolean };
  list(args: ChannelArgs<'records.list'>): ChannelResult<'records.list'>;
  get(args: ChannelArgs<'records.get'>): ChannelResult<'records.get'>;
  put(args: ChannelArgs<'records.put'>): ChannelResult<'records.put'>;
  delete(args: ChannelArgs<'records.delete'>): ChannelResult<'records.delete'>;
  history(args: ChannelArgs<'records.history'>): ChannelResult<'records.history'>;
  putMany(args: ChannelArgs<'records.putMany'>): ChannelResult<'records.putMany'>;
  duplicates(args: ChannelArgs<'records.duplicates'>): ChannelResult<'records.duplicates'>;
  search(args: ChannelArgs<'search.query'>): ChannelResult<'search.query'>;
  cases(args: ChannelArgs<'cases.list'>): ChannelResult<'cases.list'>;
  referring(args: ChannelArgs<'records.referring'>): ChannelResult<'records.referring'>;
  vocabularies(args: Record<string, never>): ChannelResult<'vocabularies.list'>;
  conflicts(args: Record<string, never>): ChannelResult<'conflicts.list'>;
  resolveConflict(args: ChannelArgs<'conflicts.resolve'>): ChannelResult<'conflicts.resolve'>;
}

export type VaultOpName = keyof VaultOps;
export const vaultOpNames: readonly VaultOpName[] = [
  'status',
  'create',
  'unlock',
  'lock',
  'list',
  'get',
  'put',
  'delete',
  'history',
  'putMany',
  'duplicates',
  'search',
  'cases',
  'referring',
  'vocabularies',
  'conflicts',
  'resolveConflict',
];

type RecordWrite = ChannelArgs<'records.put'>;

/** search.query's own largest limit. */
const maxSearchLimit = 200;

/**
 * The owner of the unlocked Vault, and of nothing else: the vault key lives in the Vault
 * object, which never leaves this thread. Besides the vault it keeps the ids of each type
 * (for paging) and the vault's vocabularies (for checking terms); lock drops all of it.
 */
export class VaultSession implements VaultOps {
  private vault: Vault | null = null;
  private readonly ids = new RecordIdIndex();
  private readonly facets = new RecordFacetIndex();
  private vocabularyCache: Record<string, Vocabulary> | null = null;
  /** Opened at the first search after unlock (not in unlock: the list must not wait for it). */
  private vaultSearch: VaultSearch | null = null;

  constructor(private readonly options: VaultSessionOptions = {}) {}

  status(): SessionStatus {
    return { unlocked: this.vault !== null, folder: this.vault?.folder ?? null };
  }

  async create({ folder, passphrase }: ChannelArgs<'vault.create'>) {
    this.lock();
    const options: CreateOptions = {
      ...(this.options.kdfCost ? { kdfCost: this.options.kdfCost } : {}),
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    };
    const { vault, recoveryCode } = await Vault.create(folder, passphrase, options);
    try {
      seedDefaultVocabularies(vault);
    } catch (error) {
      vault.lock();
      throw error;
    }
    this.vault = vault;
    return { recoveryCode };
  }

  async unlock({ folder, secret }: ChannelArgs<'vault.unlock'>) {
    this.lock();
    this.vault = await Vault.unlock(
      folder,
      secret,
      this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {},
    );
    return {};
  }

  lock(): { wasUnlocked: boolean } {
    const vault = this.vault;
    try {
      // The snapshot is sealed in the vault, so it is written while the key is still here.
      this.vaultSearch?.saveIfStale();
    } catch {
      // A snapshot not saved is rebuilt at the next search; the lock must happen regardless.
    }
    this.vaultSearch = null;
    this.vault = null;
    this.ids.clear();
    this.facets.clear();
    this.vocabularyCache = null;
    vault?.lock();
    return { wasUnlocked: vault !== null };
  }

  list({ type, offset, limit }: ChannelArgs<'records.list'>) {
    const vault = this.unlocked();
    const ids = this.ids.ids(vault, type);
    return { items: this.heads(vault, ids.slice(offset, offset + limit)), total: ids.length };
  }

  cases({ offset, limit, caseType, from, to }: ChannelArgs<'cases.list'>) {
    if (caseType === undefined && from === undefined && to === undefined) {
      return this.list({ type: 'case', offset, limit });
    }
    const vault = this.unlocked();
    const facets = this.facets.of(vault, 'case');
    const first = from === undefined ? '' : earliestDay({ date: from });
    const last = to === undefined ? '\uffff' : latestDay({ date: to });
    const ids = this.ids.ids(vault, 'case').filter((id) => {
      const facet = facets.get(id);
      if (!facet) return false;
      if (caseType !== undefined && facet.caseType !== caseType) return false;
      if (from === undefined && to === undefined) return true;
      // Cases whose date may fall in the range, as search's date filter counts them.
      return (
        facet.earliest !== null &&
        facet.latest !== null &&
        facet.earliest <= last! &&
        facet.latest >= first!
      );
    });
    return { items: this.heads(vault, ids.slice(offset, offset + limit)), total: ids.length };
  }

  referring({ id, types }: ChannelArgs<'records.referring'>) {
    const vault = this.unlocked();
    const ids = types.flatMap((type) => {
      const facets = this.facets.of(vault, type);
      return this.ids
        .ids(vault, type)
        .filter((candidate) => facets.get(candidate)?.refers.includes(id));
    });
    return { items: this.heads(vault, ids) };
  }

  /** The rows for these ids; a record that cannot be opened is a row that says so. */
  private heads(vault: Vault, ids: readonly string[]): RecordHead[] {
    const items: RecordHead[] = [];
    for (const id of ids) {
      try {
        items.push({ state: 'ok', record: this.plain(vault.get(id)) });
      } catch (error) {
        if (!isVaultError(error)) throw error;
        if (error.code === 'record_damaged') items.push({ state: 'damaged', id });
        // Deleted by another program (the CLI) since the index was built: no longer a row.
        else if (error.code === 'record_deleted' || error.code === 'record_not_found') {
          this.ids.removed(id);
        } else throw error;
      }
    }
    return items;
  }

  get({ id }: ChannelArgs<'records.get'>) {
    return this.plain(this.unlocked().get(id));
  }

  put(record: RecordWrite) {
    const vault = this.unlocked();
    const problems = this.problems(vault, record);
    if (problems.length > 0) throw new RecordRefused(problems);
    const written = this.write(vault, record);
    this.vaultSearch?.catchUp();
    return written;
  }

  /** Every record checked, then all written in one transaction: a flow saves whole or not at all. */
  putMany({ records }: ChannelArgs<'records.putMany'>) {
    const vault = this.unlocked();
    const problems = records.flatMap((record, index) =>
      this.problems(vault, record).map((problem) => ({
        ...problem,
        path: `records[${index}]${problem.path === '' ? '' : `.${problem.path}`}`,
      })),
    );
    if (problems.length > 0) throw new RecordRefused(problems);
    const written = vault.batch(() => records.map((record) => this.write(vault, record)));
    this.vaultSearch?.catchUp();
    return { written };
  }

  delete({ id }: ChannelArgs<'records.delete'>) {
    const written = this.unlocked().delete(id);
    // Ids are unique across types; a damaged record can be deleted without being opened.
    this.ids.removed(id);
    this.facets.removed(id);
    this.vocabularyCache = null;
    this.vaultSearch?.catchUp();
    return written;
  }

  search({ query, limit, caseType, ...filters }: ChannelArgs<'search.query'>) {
    const vault = this.unlocked();
    // exactOptionalPropertyTypes: a filter the caller left out is absent, not undefined.
    const options = Object.fromEntries(
      Object.entries(filters).filter(([, value]) => value !== undefined),
    ) as SearchOptions;
    const wanted = limit ?? 50;
    let hits = this.searchIndex(vault).search(query, {
      ...options,
      // The index has no case-type facet: ask for more, then keep the cases of that type.
      limit: caseType === undefined ? wanted : maxSearchLimit,
    });
    if (caseType !== undefined) {
      const facets = this.facets.of(vault, 'case');
      hits = hits.filter((hit) => facets.get(hit.id)?.caseType === caseType).slice(0, wanted);
    }
    return {
      hits: hits.flatMap((hit) => {
        const label = this.labelOf(vault, hit.id);
        return label === null ? [] : [{ ...hit, label }];
      }),
    };
  }

  duplicates({ type, id, body }: ChannelArgs<'records.duplicates'>) {
    const vault = this.unlocked();
    const candidates = this.searchIndex(vault)
      .duplicatesOf({ id: id ?? '', type, body: body as JsonObject })
      .filter((candidate) => candidate.id !== id);
    return {
      candidates: candidates.flatMap((candidate) => {
        const label = this.labelOf(vault, candidate.id);
        return label === null ? [] : [{ id: candidate.id, score: candidate.score, label }];
      }),
    };
  }

  vocabularies() {
    return { vocabularies: Object.values(this.vaultVocabularies(this.unlocked())) };
  }

  conflicts() {
    return listConflicts(this.unlocked());
  }

  /** The chosen values (or an edited body), checked like records.put, over all the heads. */
  resolveConflict(args: ChannelArgs<'conflicts.resolve'>) {
    return this.put(resolution(this.unlocked(), args));
  }

  history({ id }: ChannelArgs<'records.history'>) {
    return {
      revisions: this.unlocked()
        .history(id)
        .map((revision) => this.plain(revision)),
    };
  }

  /** What the model and the vault's vocabularies say is wrong with a record; empty if nothing. */
  private problems(vault: Vault, { type, body }: RecordWrite): RecordError[] {
    const parsed = parseRecord(type, body);
    if (!parsed.ok) return [...parsed.errors];
    return [...unknownTerms(type, body, this.vaultVocabularies(vault))];
  }

  private write(vault: Vault, { type, id, body }: RecordWrite) {
    const written = vault.put(type, body as JsonObject, id === undefined ? {} : { id });
    this.ids.added(type, written.id);
    this.facets.written(type, written.id, body as JsonObject);
    if (type === vocabularyRecordType) this.vocabularyCache = null;
    return written;
  }

  private searchIndex(vault: Vault): VaultSearch {
    this.vaultSearch ??= VaultSearch.open(vault);
    return this.vaultSearch;
  }

  /** A hit's label, or null when the record went since it was indexed (or cannot be opened). */
  private labelOf(vault: Vault, id: string): string | null {
    try {
      const record = vault.get(id);
      return record.deleted ? null : recordLabel(record);
    } catch (error) {
      if (isVaultError(error)) return null;
      throw error;
    }
  }

  private vaultVocabularies(vault: Vault): Record<string, Vocabulary> {
    this.vocabularyCache ??= vaultVocabularies(vault);
    return this.vocabularyCache;
  }

  /** A revision as a plain object, the shape the contract describes. */
  private plain(revision: ReturnType<Vault['get']>): ChannelResult<'records.get'> {
    return {
      id: revision.id,
      type: revision.type,
      revision: revision.revision,
      parents: [...revision.parents],
      device: revision.device,
      at: revision.at,
      deleted: revision.deleted,
      body: revision.body,
    };
  }

  private unlocked(): Vault {
    if (!this.vault) {
      throw new VaultError(
        'locked',
        'The vault is locked. Unlock it with your passphrase to continue.',
      );
    }
    return this.vault;
  }
}
