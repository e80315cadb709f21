import type { z } from 'zod';

/**
 * Validation problems in words a documenter can act on, for the importer (which prints them
 * with line numbers) and the UI. A message is a predicate to follow the path: "names[0].value
 * is missing". Messages never quote the value: a misplaced column may hold a name or a phone.
 */
export interface RecordError {
  /** `names[0].value`; empty for the record as a whole. */
  readonly path: string;
  readonly message: string;
}

/** "names[0].value is missing"; "The record must be a JSON object". */
export function formatRecordError(error: RecordError): string {
  return error.path ? `${error.path} ${error.message}` : `The record ${error.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      text += text ? `.${key}` : key;
    } else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object, like {"key": "value"}',
  array: 'a list, like ["a", "b"]',
};

/** Edits (insert, delete, substitute, swap two neighbours) from a to b: "nmae" is 2 from "names". */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

function unknownFieldMessage(key: string, known: readonly string[]): string {
  const close = known
    .map((candidate) => ({
      candidate,
      distance: editDistance(key.toLowerCase(), candidate.toLowerCase()),
    }))
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance)[0];
  return close
    ? `is not a field Casebook knows here; did you mean "${close.candidate}"?`
    : `is not a field Casebook knows here; the fields are: ${known.join(', ')}`;
}

function quantity(n: number | bigint, one: string, many: string): string {
  return n === 1 || n === 1n ? `one ${one}` : `${n} ${many}`;
}

/**
 * The error map passed to zod for each parse. Messages written into a schema (a refinement,
 * a pattern) take precedence over it; this covers what zod checks itself.
 */
export const plainEnglish: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is missing';
      const expected = expectedWords[issue.expected] ?? `of type ${issue.expected}`;
      if (issue.input === null) {
        const inField = (issue.path?.length ?? 0) > 0;
        return `must be ${expected}, not null${inField ? ' (leave the field out instead)' : ''}`;
      }
      return `must be ${expected}`;
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? 'must not be empty'
          : `must be at least ${quantity(issue.minimum, 'character', 'characters')} long`;
      }
      if (issue.origin === 'array') {
        return `must have at least ${quantity(issue.minimum, 'entry', 'entries')}`;
      }
      return issue.inclusive
        ? `must be ${issue.minimum} or more`
        : `must be more than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') {
        return `must be at most ${quantity(issue.maximum, 'character', 'characters')} long`;
      }
      if (issue.origin === 'array') {
        return `must have at most ${quantity(issue.maximum, 'entry', 'entries')}`;
      }
      return issue.inclusive
        ? `must be ${issue.maximum} or less`
        : `must be less than ${issue.maximum}`;
    case 'invalid_value':
      if (issue.values.length === 1 && issue.values[0] === true) {
        return 'must be true, or left out';
      }
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys': {
      const shape = (issue.schema?._zod.def as { shape?: Record<string, unknown> } | undefined)
        ?.shape;
      const known = shape ? Object.keys(shape) : [];
      // One line per key, in order; describeIssues splits them into one error per key.
      return issue.keys.map((key) => unknownFieldMessage(key, known)).join('\n');
    }
    case 'invalid_union':
      return 'does not have any of the accepted shapes';
    case 'invalid_format':
      return 'is not written in the expected format';
    default:
      return 'is not valid';
  }
};

type Issue = z.core.$ZodIssue;

/** Issues at the union's own level mean the branch did not even have the right shape. */
function shapeMismatches(issues: readonly Issue[]): number {
  return issues.filter((issue) => issue.path.length === 0).length;
}

/**
 * The branch of a union the value was evidently meant to be: the only one whose shape fitted
 * (its problems lie inside its fields), or the one with fewest problems among such. When none
 * or several fit equally, the union's own message says what shapes are accepted.
 */
function intendedBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const fitting = branches
    .filter((issues) => issues.length > 0 && shapeMismatches(issues) === 0)
    .sort((a, b) => a.length - b.length);
  if (fitting.length === 0) return undefined;
  if (fitting.length > 1 && fitting[0]!.length === fitting[1]!.length) return undefined;
  return fitting[0];
}

function flatten(issue: Issue, prefix: readonly PropertyKey[], out: RecordError[]): void {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branch = intendedBranch(issue.errors);
    if (branch) {
      for (const inner of branch) flatten(inner, path, out);
      return;
    }
  }
  if (issue.code === 'unrecognized_keys') {
    const lines = issue.message.split('\n');
    issue.keys.forEach((key, index) => {
      out.push({ path: formatPath([...path, key]), message: lines[index] ?? lines[0]! });
    });
    return;
  }
  out.push({ path: formatPath(path), message: issue.message });
}

/** Zod's issues as RecordErrors, one per problem, unions resolved to the branch meant. */
export function describeIssues(issues: readonly Issue[]): RecordError[] {
  const out: RecordError[] = [];
  for (const issue of issues) flatten(issue, [], out);
  const seen = new Set<string>();
  return out.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What kind of problem a RecordError is, so the UI can say it in the reader's language. The
 * messages are the English of this file and of the schemas' own refinements; the order of the
 * tests matters ("must be text, not null" is a wrong type, not a format).
 */
export const recordErrorKinds = [
  'missing',
  'empty',
  'wrong_type',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_large',
  'not_allowed',
  'unknown_field',
  'unknown_term',
  'term_removed',
  'duplicate',
  'order',
  'needs_other',
  'format',
  'invalid',
] as const;

export type RecordErrorKind = (typeof recordErrorKinds)[number];

const kindPatterns: readonly (readonly [RegExp, RecordErrorKind])[] = [
  [/^is missing$/, 'missing'],
  [/^must not be empty$/, 'empty'],
  [/, not null\b/, 'wrong_type'],
  [/^must be at least .* long$/, 'too_short'],
  [/^must be at most .* long$/, 'too_long'],
  [/^must have at least /, 'too_few'],
  [/^must have at most /, 'too_many'],
  [/^must be (\S+ or more|more than \S+)$/, 'too_small'],
  [/^must be (\S+ or less|less than \S+)$/, 'too_large'],
  [/^must be one of: |^must be true, or left out$/, 'not_allowed'],
  [/^is not a field Casebook knows here/, 'unknown_field'],
  [/^is not a term of the vocabulary /, 'unknown_term'],
  [/^leaves out the term /, 'term_removed'],
  [/^repeats an id /, 'duplicate'],
  [/^must be (text|a number|a whole number|true or false|an object|a list)\b/, 'wrong_type'],
  [/\bbefore\b/, 'order'],
  [/^needs /, 'needs_other'],
  [/^must be |^is not written in the expected format$/, 'format'],
];

export function recordErrorKind(error: RecordError): RecordErrorKind {
  return kindPatterns.find(([pattern]) => pattern.test(error.message))?.[1] ?? 'invalid';
}
