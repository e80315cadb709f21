import { Vault, VaultError, isVaultError, type Argon2idCost, type CreateOptions } from '../../db';
import { seedDefaultVocabularies, vaultVocabularies } from '../../db/caseRecords';
import {
  readReportProfiles,
  resetReportProfile,
  saveReportProfile,
} from '../../db/reports/storedProfiles';
import { VaultSearch, type RecordFollower } from '../../db/search';
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
import { browseFilter } from './recordBrowse';
import { RecordFacetIndex } from './recordFacets';
import { vocabularyEditProblems } from './vocabularyEdits';
import { RecordIdIndex } from './recordIdIndex';
import { importBundleFile, importRecordsFile } from './importOps';
import * as evidence from './attachmentOps';
import { takePermit, untracked, type TaskControl } from './taskControl';

export interface VaultSessionOptions {
  /** better-sqlite3's addon built for Electron's ABI (the app); absent under plain Node. */
  readonly nativeBinding?: string;
  /** Argon2id cost for new vaults. Only tests lower it. */
  readonly kdfCost?: Argon2idCost;
  /** Tests only: see VaultWorkerData.writeGate. */
  readonly writeGate?: SharedArrayBuffer;
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
  unlock(args: ChannelArgs<'vault.unlock'>, task?: TaskControl): Promise<Record<string, never>>;
  lock(args: Record<string, never>): { wasUnlocked: boolean };
  list(args: ChannelArgs<'records.list'>): ChannelResult<'records.list'>;
  get(args: ChannelArgs<'records.get'>): ChannelResult<'records.get'>;
  put(args: ChannelArgs<'records.put'>): ChannelResult<'records.put'>;
  delete(args: ChannelArgs<'records.delete'>): ChannelResult<'records.delete'>;
  history(args: ChannelArgs<'records.history'>): ChannelResult<'records.history'>;
  putMany(args: ChannelArgs<'records.putMany'>): ChannelResult<'records.putMany'>;
  duplicates(args: ChannelArgs<'records.duplicates'>): ChannelResult<'records.duplicates'>;
  search(args: ChannelArgs<'search.query'>): Promise<ChannelResult<'search.query'>>;
  cases(args: ChannelArgs<'cases.list'>): Promise<ChannelResult<'cases.list'>>;
  referring(args: ChannelArgs<'records.referring'>): Promise<ChannelResult<'records.referring'>>;
  browse(args: ChannelArgs<'records.browse'>): Promise<ChannelResult<'records.browse'>>;
  vocabularies(args: Record<string, never>): ChannelResult<'vocabularies.list'>;
  conflicts(args: Record<string, never>): ChannelResult<'conflicts.list'>;
  resolveConflict(args: ChannelArgs<'conflicts.resolve'>): ChannelResult<'conflicts.resolve'>;
  importRecords(
    args: Omit<ChannelArgs<'import.records'>, 'taskId'>,
    task?: TaskControl,
  ): Promise<ChannelResult<'import.records'>>;
  importBundle(
    args: Omit<ChannelArgs<'import.bundle'>, 'taskId'>,
    task?: TaskControl,
  ): Promise<ChannelResult<'import.bundle'>>;
  /** Every current record, for a report: redaction and the leak check run in the main process. */
  reportRecords(args: Record<string, never>): { id: string; type: string; body: unknown }[];
  reportProfiles(args: Record<string, never>): ReturnType<typeof readReportProfiles>;
  saveReportProfile(args: { profile: unknown }): Record<string, never>;
  resetReportProfile(args: { id: string }): Record<string, never>;
  /** Evidence files (attachmentOps.ts); paths were chosen by the user in the main process. */
  attachments(args: { recordId: string }): ChannelResult<'attachments.list'>;
  attach(
    args: Omit<ChannelArgs<'attachments.attach'>, 'taskId'>,
    task?: TaskControl,
  ): Promise<ChannelResult<'attachments.attach'>>;
  readAttachment(args: { fileId: string }): Promise<ChannelResult<'attachments.read'>>;
  custody(args: { fileId: string }): ChannelResult<'attachments.custody'>;
  verifyAttachments(
    args: Record<string, never>,
    task?: TaskControl,
  ): Promise<ChannelResult<'attachments.verify'>>;
  attachmentFacts(args: { fileId: string }): { name: string; mediaType: string };
  extractAttachment(
    args: { fileId: string; out: string; purpose?: string | undefined },
    task?: TaskControl,
  ): Promise<Record<string, never>>;
  exportImage(
    args: Parameters<typeof evidence.exportCleanImage>[1],
    task?: TaskControl,
  ): Promise<Record<string, never>>;
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
  'browse',
  'vocabularies',
  'conflicts',
  'resolveConflict',
  'importRecords',
  'importBundle',
  'reportRecords',
  'reportProfiles',
  'saveReportProfile',
  'resetReportProfile',
  'attachments',
  'attach',
  'readAttachment',
  'custody',
  'verifyAttachments',
  'attachmentFacts',
  'extractAttachment',
  'exportImage',
];

type RecordWrite = ChannelArgs<'records.put'>;

/** search.query's own largest limit. */
const maxSearchLimit = 200;

/**
 * The owner of the unlocked Vault, and of nothing else: the vault key lives in the Vault
 * object, which never leaves this thread. Besides the vault it keeps the ids of each type
 * (for paging), the lists' facets (for filtering) and the vault's vocabularies (for checking
 * terms); lock drops all of it.
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

  /**
   * Opens the vault. Watched from the unlock screen, it also brings the search index and the
   * lists' facets up to date, in one pass over what changed since they were saved, showing how
   * far: the person is waiting anyway, and the first search and filter are then at once.
   */
  async unlock({ folder, secret }: ChannelArgs<'vault.unlock'>, task: TaskControl = untracked) {
    this.lock();
    task.progress(0, null, 'deriveKey');
    this.vault = await Vault.unlock(
      folder,
      secret,
      this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {},
    );
    if (!task.watched) return {};
    try {
      task.checkpoint();
      task.progress(0, null, 'indexSearch');
      if (this.options.writeGate) takePermit(this.options.writeGate, task);
      const vault = this.vault;
      this.facets.load(vault);
      this.vaultSearch = VaultSearch.open(
        vault,
        ({ phase, done }) => {
          task.checkpoint();
          if (phase === 'indexing') task.progress(done, null, 'indexSearch');
        },
        this.facetFollowers(),
      );
      // Facets never saved (or behind the index) are built now, as part of the same stage.
      await this.facets
        .ready(vault, (done) => {
          task.checkpoint();
          task.progress(done, null, 'indexSearch');
        })
        .catch((error: unknown) => {
          // A damaged record must not keep the vault shut: the list that needs it says so.
          if (!isVaultError(error) || error.code !== 'record_damaged') throw error;
        });
    } catch (error) {
      // Cancelled half-way: the vault does not stay open behind the unlock screen.
      this.lock();
      throw error;
    }
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
    try {
      if (vault) this.facets.saveIfStale(vault);
    } catch {
      // Facets not saved are caught up or rebuilt at the next filter, as the snapshot is.
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

  async cases({ offset, limit, caseType, from, to }: ChannelArgs<'cases.list'>) {
    if (caseType === undefined && from === undefined && to === undefined) {
      return this.list({ type: 'case', offset, limit });
    }
    const vault = this.unlocked();
    const facets = await this.facets.of(vault, 'case');
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

  async referring({ id, types }: ChannelArgs<'records.referring'>) {
    const vault = this.unlocked();
    const ids: string[] = [];
    for (const type of types) {
      const facets = await this.facets.of(vault, type);
      for (const candidate of this.ids.ids(vault, type))
        if (facets.get(candidate)?.refers.includes(id)) ids.push(candidate);
    }
    return { items: this.heads(vault, ids) };
  }

  /**
   * One type's records narrowed by filters and by words: a record matches the words when its
   * own text does, or when the person it is about is found by name (in any script).
   */
  async browse({ offset, limit, query, ...filter }: ChannelArgs<'records.browse'>) {
    const vault = this.unlocked();
    const { type } = filter;
    const facets = await this.facets.of(vault, type);
    const passes = browseFilter(filter, this.vaultVocabularies(vault));
    let found: ((id: string, personId: string | null) => boolean) | null = null;
    if (query !== undefined && query.trim() !== '') {
      const index = this.searchIndex(vault);
      const own = index.search(query, { types: [type], limit: maxSearchLimit });
      const people = index.search(query, { types: ['person'], limit: maxSearchLimit });
      const ids = new Set([...own, ...people].map((hit) => hit.id));
      found = (id, personId) => ids.has(id) || (personId !== null && ids.has(personId));
    }
    const ids = this.ids.ids(vault, type).filter((id) => {
      const browse = facets.get(id)?.browse;
      if (!browse || !passes(browse)) return false;
      return found === null || found(id, browse.personId);
    });
    const items = this.heads(vault, ids.slice(offset, offset + limit)).map((head) => {
      const personId = head.state === 'ok' ? facets.get(head.record.id)?.browse?.personId : null;
      const code = head.state === 'ok' ? head.record.body?.intervieweeCode : undefined;
      return {
        head,
        person: personId ? this.labelOf(vault, personId) : typeof code === 'string' ? code : null,
      };
    });
    return { items, total: ids.length };
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
    this.catchUpDerived();
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
    this.catchUpDerived();
    return { written };
  }

  delete({ id }: ChannelArgs<'records.delete'>) {
    const written = this.unlocked().delete(id);
    // Ids are unique across types; a damaged record can be deleted without being opened.
    this.ids.removed(id);
    this.vocabularyCache = null;
    this.catchUpDerived();
    return written;
  }

  async search({ query, limit, caseType, ...filters }: ChannelArgs<'search.query'>) {
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
      const facets = await this.facets.of(vault, 'case');
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

  async importRecords(
    args: Omit<ChannelArgs<'import.records'>, 'taskId'>,
    task: TaskControl = untracked,
  ) {
    const result = await importRecordsFile(this.unlocked(), args, task, this.options.writeGate);
    if (result.state === 'ready' && result.written) this.imported();
    return result;
  }

  async importBundle(args: Omit<ChannelArgs<'import.bundle'>, 'taskId'>, task = untracked) {
    const result = await importBundleFile(this.unlocked(), args, task);
    if (result.state === 'ready' && result.written) this.imported();
    return result;
  }

  /**
   * After an import: what this session derived from the records is rebuilt as needed. The
   * facets catch up with the imported records by sequence number at their next use.
   */
  private imported(): void {
    this.ids.clear();
    this.vocabularyCache = null;
    this.catchUpDerived();
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

  reportRecords() {
    return [...this.unlocked().list()].map(({ id, type, body }) => ({ id, type, body }));
  }

  reportProfiles() {
    return readReportProfiles(this.unlocked());
  }

  saveReportProfile({ profile }: { profile: unknown }) {
    saveReportProfile(this.unlocked(), profile);
    return {};
  }

  resetReportProfile({ id }: { id: string }) {
    resetReportProfile(this.unlocked(), id);
    return {};
  }

  attachments({ recordId }: { recordId: string }) {
    return { files: evidence.evidenceFiles(this.unlocked(), recordId) };
  }

  async attach(args: Omit<ChannelArgs<'attachments.attach'>, 'taskId'>, task = untracked) {
    const result = await evidence.attachChosenFile(this.unlocked(), args, task);
    this.catchUpDerived();
    return result;
  }

  readAttachment({ fileId }: { fileId: string }) {
    return evidence.previewBytes(this.unlocked(), fileId);
  }

  custody({ fileId }: { fileId: string }) {
    return evidence.custodyView(this.unlocked(), fileId);
  }

  verifyAttachments(_args: Record<string, never>, task = untracked) {
    return evidence.verifyAll(this.unlocked(), task);
  }

  attachmentFacts({ fileId }: { fileId: string }) {
    return evidence.fileFacts(this.unlocked(), fileId);
  }

  async extractAttachment(
    args: { fileId: string; out: string; purpose?: string | undefined },
    task = untracked,
  ) {
    await evidence.saveCopy(this.unlocked(), args, task);
    return {};
  }

  async exportImage(args: Parameters<typeof evidence.exportCleanImage>[1], task = untracked) {
    await evidence.exportCleanImage(this.unlocked(), args, task);
    return {};
  }

  /** What the model and the vault's vocabularies say is wrong with a record; empty if nothing. */
  private problems(vault: Vault, { type, body }: RecordWrite): RecordError[] {
    const parsed = parseRecord(type, body);
    if (!parsed.ok) return [...parsed.errors];
    const vocabularies = this.vaultVocabularies(vault);
    if (type === vocabularyRecordType) {
      const name = typeof body.name === 'string' ? body.name : '';
      return vocabularyEditProblems(vocabularies[name], body);
    }
    return [...unknownTerms(type, body, vocabularies)];
  }

  private write(vault: Vault, { type, id, body }: RecordWrite) {
    const written = vault.put(type, body as JsonObject, id === undefined ? {} : { id });
    this.ids.added(type, written.id);
    if (type === vocabularyRecordType) this.vocabularyCache = null;
    return written;
  }

  /**
   * The search index catches up with what was just written, and the facets with it, so that
   * the records are opened once for both (the facets would otherwise catch up at next use).
   */
  private catchUpDerived(): void {
    this.vaultSearch?.catchUp(undefined, this.facetFollowers());
  }

  /** The facets, when loaded, as a follower of the search index's catch-up. */
  private facetFollowers(): RecordFollower[] {
    const facets = this.facets.follower();
    return facets ? [facets] : [];
  }

  private searchIndex(vault: Vault): VaultSearch {
    this.vaultSearch ??= VaultSearch.open(vault, undefined, this.facetFollowers());
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
