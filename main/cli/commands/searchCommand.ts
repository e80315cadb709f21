import { VaultError } from '../../../db';
import { VaultSearch } from '../../../db/search';
import { recordLabel } from '../../../shared/model';
import type { SearchHit, SearchOptions } from '../../../shared/search';
import { json, checkTypeOption, withVault, type Command, type CliIo } from '../context';

/** Progress on the terminal while a large vault's index is first built. */
export const searchProgress = (io: CliIo) => (p: { phase: string; done: number }) =>
  io.note(
    p.phase === 'indexing'
      ? `\rindexing: ${p.done} records`
      : p.phase === 'saving'
        ? '\rsaving the index…'
        : '',
  );

export const search: Command = async (args, options, io) => {
  const query = args.join(' ').trim();
  if (!query)
    throw new VaultError(
      'invalid_input',
      'search needs something to look for, for example: casebook search Kalesnikava',
    );
  checkTypeOption(options.type);
  const limit = options.limit === undefined ? 20 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new VaultError('invalid_input', '--limit takes a whole number from 1 to 1000.');
  }
  const filters: SearchOptions = {
    limit,
    ...(options.type === undefined ? {} : { types: [options.type] }),
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.article === undefined ? {} : { article: options.article }),
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.sex === undefined ? {} : { sex: options.sex }),
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
  };
  await withVault(options, (vault) => {
    const index = VaultSearch.open(vault, searchProgress(io));
    const hits = index
      .search(query, filters)
      .map((hit) => ({ ...hit, label: recordLabel(vault.get(hit.id)) }));
    io.note('\r');
    printHits(hits, options.json, io);
    index.saveIfStale(searchProgress(io));
    io.note('\r');
  });
};

function printHits(hits: (SearchHit & { label: string })[], asJson: boolean, io: CliIo): void {
  if (asJson) {
    io.out(hits.map((hit) => json(hit) + '\n').join(''));
  } else if (hits.length === 0) {
    io.out('Nothing found. Try fewer words, another spelling, or fewer filters.\n');
  } else {
    io.out(
      hits
        .map(
          (h) =>
            `${h.score.toFixed(2)}  ${h.matched.padEnd(14)} ${h.type.padEnd(10)} ${h.id}  ${h.label}\n`,
        )
        .join(''),
    );
  }
}
