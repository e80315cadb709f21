import { VaultError } from '../../../db';
import { isModelRecordType, parseRecord } from '../../../shared/model';
import {
  computeReview,
  reviewRequestProblem,
  type Figure,
  type Review,
  type StatisticsRecord,
} from '../../../shared/statistics';
import type { Vault } from '../../../db';
import { withVault, type Command } from '../context';

/** Every record the statistics read, parsed by its schema; the rest counted, not guessed at. */
function statisticsRecords(vault: Vault): { records: StatisticsRecord[]; unreadable: number } {
  const records: StatisticsRecord[] = [];
  let unreadable = 0;
  for (const record of vault.list()) {
    if (!isModelRecordType(record.type) || record.type === 'vocabulary') continue;
    const parsed = parseRecord(record.type, record.body);
    if (parsed.ok)
      records.push({ id: record.id, type: record.type, body: parsed.value } as StatisticsRecord);
    else unreadable++;
  }
  return { records, unreadable };
}

/** "1405", or "1405 (+3 uncertain)" when imprecise dates leave some records undecided. */
function count(figure: Figure): string {
  return figure.uncertain.count > 0
    ? `${figure.count} (+${figure.uncertain.count} uncertain)`
    : `${figure.count}`;
}

function breakdown(byKey: Record<string, Figure>): string {
  return Object.entries(byKey)
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([key, figure]) => `${key} ${count(figure)}`)
    .join(', ');
}

export function reviewText(review: Review): string {
  const { today, onAsOf } = review.politicalPrisoners;
  const lines = [
    `Figures as of ${review.asOf}, as known today (as known on ${review.asOf} in brackets).`,
    `Political prisoners: ${count(today.total)} (${count(onAsOf.total)}), of them women ${count(today.women)} (${count(onAsOf.women)})`,
    `  by region: ${breakdown(today.byRegion) || '-'}`,
    `  by article: ${breakdown(today.byArticle) || '-'}`,
    `Former and current political prisoners: ${count(review.formerAndCurrentPoliticalPrisoners.today.total)}, of them women ${count(review.formerAndCurrentPoliticalPrisoners.today.women)}`,
    `Deaths in custody up to ${review.asOf}: ${count(review.deathsInCustody)}`,
    `Held incommunicado for more than ${review.incommunicadoDays} days: ${count(review.heldIncommunicado)}`,
  ];
  const period = review.period;
  if (period) {
    lines.push(
      `From ${period.from} up to ${period.to} (not counting ${period.to}):`,
      `  convicted on political charges: ${count(period.convicted)}`,
      `  released: ${count(period.released.total)}${Object.keys(period.released.byReason).length ? ` (${breakdown(period.released.byReason)})` : ''}`,
      `  deaths in custody: ${count(period.deathsInCustody)}`,
      `  administrative trials: ${count(period.administrative.trials)}; jail terms ${count(period.administrative.jailTerms)}, fines ${count(period.administrative.fines)}, community service ${count(period.administrative.communityService)}`,
      `  instances of persecution: ${count(period.persecutionInstances.total)}${Object.keys(period.persecutionInstances.byCaseType).length ? ` (${breakdown(period.persecutionInstances.byCaseType)})` : ''}`,
    );
  }
  lines.push(
    'Every figure lists its records in --json output; docs/statistics.md gives the counting rules.',
  );
  return lines.join('\n') + '\n';
}

export const stats: Command = async (_args, options, io) => {
  if (!options.asOf)
    throw new VaultError(
      'invalid_input',
      'stats needs --as-of YYYY-MM-DD, the day the figures are for.',
    );
  const request = {
    asOf: options.asOf,
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
  };
  const problem = reviewRequestProblem(request);
  if (problem)
    throw new VaultError('invalid_input', `${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
  const { review, unreadable } = await withVault(options, (vault) => {
    const { records, unreadable } = statisticsRecords(vault);
    return { review: computeReview({ ...request, records }), unreadable };
  });
  if (unreadable > 0) {
    io.note(
      `${unreadable} records do not match their type's fields and were left out; export and re-import them to see why.\n`,
    );
  }
  io.out(options.json ? JSON.stringify(review) + '\n' : reviewText(review));
};
