import { createHash } from 'node:crypto';
import type { JsonObject } from '../../../shared/records';
import { mergeFields } from './fieldMerge';
import { mergeBases, type GraphNode } from './revisionGraph';

/** What a merge needs of a revision once it is decrypted. */
export interface MergeSide {
  readonly revision: string;
  readonly at: string;
  readonly body: JsonObject | null;
}

export interface RevisionConflict {
  readonly path: string;
  readonly keys: readonly string[];
  /** The revisions that changed the field, each differently, newest first. */
  readonly revisions: readonly string[];
}

export interface RevisionMerge {
  readonly body: JsonObject;
  readonly conflicts: readonly RevisionConflict[];
  /** The merged revisions, newest first (by the time each says it was written, then by id). */
  readonly order: readonly string[];
}

/** Newest first; the id breaks ties so that every device picks the same order. */
const newestFirst = (a: MergeSide, b: MergeSide) =>
  a.at === b.at ? (a.revision < b.revision ? 1 : -1) : a.at < b.at ? 1 : -1;

/**
 * Merges concurrent revisions of one record (docs/bundle.md, "Merge"): three-way, field by
 * field, against their best common ancestor. With several best ancestors (after criss-cross
 * merges) their own merge is the base; with none (a record made on two devices under one id),
 * an empty record is. A pure function of the revision graph, so every device that holds the
 * same revisions sees the same merge.
 */
export function mergeRevisions(
  graph: readonly GraphNode[],
  revisionIds: readonly string[],
  open: (revisionId: string) => MergeSide,
): RevisionMerge {
  const sides = revisionIds.map(open).sort(newestFirst);
  const bases = mergeBases(graph, revisionIds);
  const base =
    bases.length === 0
      ? {}
      : bases.length === 1
        ? (open(bases[0]!).body ?? {})
        : mergeRevisions(graph, bases, open).body;
  const merged = mergeFields(
    base,
    sides.map((side) => side.body ?? {}),
  );
  return {
    body: merged.body,
    conflicts: merged.conflicts.map((conflict) => ({
      path: conflict.path,
      keys: conflict.keys,
      revisions: conflict.sides.map((i) => sides[i]!.revision),
    })),
    order: sides.map((side) => side.revision),
  };
}

/**
 * The id under which a merged state is shown until someone writes over it: derived from the
 * heads it merges, so every device shows the same id for the same merge.
 */
export function mergeRevisionId(heads: readonly string[]): string {
  return createHash('sha256')
    .update(`casebook/merge/v1\0${[...heads].sort().join(',')}`)
    .digest('hex')
    .slice(0, 32);
}
