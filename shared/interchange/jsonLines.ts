import { isRecordId, type JsonObject } from '../records';

/**
 * The interchange format (docs/interchange.md): JSON Lines, one entity per line, so a file of
 * a million records streams, diffs and survives the tool. Version 1.
 */
export const interchangeFormat = 'casebook-interchange';
export const interchangeVersion = 1;

export interface InterchangeHeader {
  readonly format: typeof interchangeFormat;
  readonly version: number;
}

export interface InterchangeEntity {
  readonly type: string;
  readonly id: string;
  readonly fields: JsonObject;
}

/** One problem, located, in words a documenter can act on. */
export interface LineProblem {
  readonly line: number;
  readonly path?: string;
  readonly message: string;
}

/** Checks a record's fields against its type's schema: problems, or none. */
export type FieldValidator = (
  type: string,
  fields: JsonObject,
) => readonly { path: string; message: string }[];

export type ParsedLine =
  | { kind: 'blank' }
  | { kind: 'header'; header: InterchangeHeader }
  | { kind: 'entity'; entity: InterchangeEntity }
  | { kind: 'problems'; problems: LineProblem[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function headerLine(): string {
  return JSON.stringify({ format: interchangeFormat, version: interchangeVersion });
}

export function entityLine(entity: InterchangeEntity): string {
  return JSON.stringify({ type: entity.type, id: entity.id, fields: entity.fields });
}

/**
 * Reads one line. Messages never quote the line's content: it may hold a name, and errors
 * end up in terminals, logs and screenshots.
 */
export function parseLine(text: string, line: number, validate: FieldValidator): ParsedLine {
  if (text.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'problems', problems: [{ line, message: 'is not valid JSON' }] };
  }
  if (!isObject(value)) {
    return {
      kind: 'problems',
      problems: [{ line, message: 'must be a JSON object with "type", "id" and "fields"' }],
    };
  }
  if ('format' in value) {
    if (value.format !== interchangeFormat || value.version !== interchangeVersion) {
      return {
        kind: 'problems',
        problems: [
          {
            line,
            message: `is a header of another format or version (this Casebook reads ${interchangeFormat} version ${interchangeVersion})`,
          },
        ],
      };
    }
    return { kind: 'header', header: { format: interchangeFormat, version: interchangeVersion } };
  }
  const problems: LineProblem[] = [];
  const { type, id, fields } = value;
  if (typeof type !== 'string')
    problems.push({ line, path: 'type', message: 'is missing: every line needs a record type' });
  if (typeof id !== 'string' || !isRecordId(id)) {
    problems.push({
      line,
      path: 'id',
      message:
        'must be 1 to 64 Latin letters, digits, "-" or "_" (ids are stored in clear: never a name)',
    });
  }
  if (!isObject(fields)) problems.push({ line, path: 'fields', message: 'must be a JSON object' });
  for (const key of Object.keys(value)) {
    if (!['type', 'id', 'fields'].includes(key))
      problems.push({
        line,
        path: key.slice(0, 40),
        message: 'is not part of the format: put record fields inside "fields"',
      });
  }
  if (problems.length === 0) {
    for (const problem of validate(type as string, fields as JsonObject)) {
      problems.push({
        line,
        path: `fields.${problem.path}`.replace(/\.$/, ''),
        message: problem.message,
      });
    }
  }
  if (problems.length > 0) return { kind: 'problems', problems };
  return {
    kind: 'entity',
    entity: { type: type as string, id: id as string, fields: fields as JsonObject },
  };
}

export function describeProblem(problem: LineProblem): string {
  return `line ${problem.line}${problem.path ? `, ${problem.path}` : ''}: ${problem.message}`;
}
