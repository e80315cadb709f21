import { z } from 'zod';
import { fieldRegistry, recordSchemas } from '../model';
import { recordIdPattern } from '../records';
import { interchangeFormat, interchangeVersion } from './jsonLines';

/**
 * The JSON Schema of one interchange line, generated from the same zod schemas the importer
 * validates with, so the two cannot drift apart. Each field carries the model's facts as
 * extension keywords: `x-sensitivity`, `x-vocabulary` (the vocabulary its terms come from),
 * `x-references` (the record type an id points to).
 */
export function interchangeJsonSchema(): Record<string, unknown> {
  const toJson = (schema: z.ZodType) =>
    z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
      override: (context) => {
        const meta = fieldRegistry.get(context.zodSchema as unknown as z.ZodType);
        if (meta?.sensitivity) context.jsonSchema['x-sensitivity'] = meta.sensitivity;
        if (meta?.vocabulary) context.jsonSchema['x-vocabulary'] = meta.vocabulary;
        if (meta?.references) context.jsonSchema['x-references'] = meta.references;
      },
    });
  const entityLines = Object.entries(recordSchemas).map(([type, schema]) => {
    const { $schema: _ignored, ...fields } = toJson(schema);
    return {
      title: type,
      type: 'object',
      properties: {
        type: { const: type },
        id: { type: 'string', pattern: recordIdPattern.source },
        fields,
      },
      required: ['type', 'id', 'fields'],
      additionalProperties: false,
    };
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://casebook.invalid/schema/${interchangeFormat}/v${interchangeVersion}.json`,
    title: `Casebook interchange line, version ${interchangeVersion}`,
    description:
      'One line of a Casebook interchange file (JSON Lines): a header line, or one record. See docs/interchange.md.',
    oneOf: [
      {
        title: 'header',
        type: 'object',
        properties: {
          format: { const: interchangeFormat },
          version: { const: interchangeVersion },
        },
        required: ['format', 'version'],
        additionalProperties: false,
      },
      ...entityLines,
    ],
  };
}
