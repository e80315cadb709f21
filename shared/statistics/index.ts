export {
  computeReview,
  reviewFormat,
  reviewRequestProblem,
  type AsKnown,
  type PeriodFigures,
  type Review,
  type ReviewRequest,
} from './review';
export { indexRecords, type RecordIndex, type StatisticsRecord } from './recordIndex';
export { notRecorded, type Figure, type Tally } from './figure';
export type { Certainty, Period } from './placement';
export type { KnowledgeDate } from './statusEvidence';
export {
  politicalPrisonersOn,
  chargedArticles,
  type PoliticalPrisoners,
} from './politicalPrisoners';
export {
  formerAndCurrentPoliticalPrisoners,
  type FormerAndCurrentPoliticalPrisoners,
} from './formerAndCurrentPoliticalPrisoners';
export { peopleConvicted } from './peopleConvicted';
export { peopleReleased, type PeopleReleased } from './peopleReleased';
export { deathsInCustodyIn, deathsInCustodyUpTo } from './deathsInCustody';
export { administrativeCases, type AdministrativeCases } from './administrativeCases';
export { heldIncommunicado } from './heldIncommunicado';
export { persecutionInstances, type PersecutionInstances } from './persecutionInstances';
