/** A revision as the graph sees it: its id and the ids of the revisions it saw. */
export interface GraphNode {
  readonly revisionId: string;
  readonly parents: readonly string[];
}

/** The revisions no other revision names as a parent. Parents that are not here are ignored. */
export function headsOf<T extends GraphNode>(nodes: readonly T[]): T[] {
  const seen = new Set(nodes.flatMap((node) => node.parents));
  return nodes.filter((node) => !seen.has(node.revisionId));
}

/** `from` and every revision it descends from that is in the graph. */
function ancestry(byId: ReadonlyMap<string, GraphNode>, from: readonly string[]): Set<string> {
  const found = new Set<string>();
  const queue = from.filter((id) => byId.has(id));
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    for (const parent of byId.get(id)!.parents) if (byId.has(parent)) queue.push(parent);
  }
  return found;
}

/**
 * The best common ancestors of `heads`: revisions every head descends from, of which no other
 * such revision descends. Usually one; none when the record was created on two devices
 * independently; several only after criss-cross merges. Sorted, so the result is the same
 * on every device.
 */
export function mergeBases(nodes: readonly GraphNode[], heads: readonly string[]): string[] {
  const byId = new Map(nodes.map((node) => [node.revisionId, node]));
  const [first, ...rest] = heads.map((head) => ancestry(byId, [head]));
  if (!first) return [];
  const common = [...first].filter((id) => rest.every((set) => set.has(id)));
  const below = ancestry(
    byId,
    common.flatMap((id) => byId.get(id)!.parents),
  );
  return common.filter((id) => !below.has(id)).sort();
}
