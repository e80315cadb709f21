import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultExportProfiles,
  pseudonymCode,
  PseudonymCoder,
  redactForProfile,
  type Pseudonym,
} from '../../../../shared/redaction';
import { pseudonymRoles } from '../../../../shared/redaction';

const publicProfile = defaultExportProfiles[0]!;

/** Every pseudonym in a redacted body, with the record path it was found at. */
function pseudonymsIn(value: unknown, found: Pseudonym[] = []): Pseudonym[] {
  if (value === null || typeof value !== 'object') return found;
  const v = value as Record<string, unknown>;
  if (v.$pseudonym) found.push(v.$pseudonym as Pseudonym);
  else if (v.$person && 'pseudonym' in (v.$person as object))
    found.push((v.$person as { pseudonym: Pseudonym }).pseudonym);
  else for (const child of Object.values(v)) pseudonymsIn(child, found);
  return found;
}

describe('pseudonyms', () => {
  it('count A to Z, then AA, AB ...: every code once', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(pseudonymCode)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    const codes = Array.from({ length: 20_000 }, (_, i) => pseudonymCode(i));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('give a key the same pseudonym, with the role it got first, and different keys different ones (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom(...pseudonymRoles)), {
          maxLength: 200,
        }),
        (uses) => {
          const coder = new PseudonymCoder();
          const first = new Map<number, Pseudonym>();
          for (const [key, role] of uses) {
            const got = coder.pseudonym(`k${key}`, role);
            if (!first.has(key)) first.set(key, got);
            expect(got).toEqual(first.get(key));
          }
          const labels = [...first.values()].map((p) => `${p.role} ${p.code}`);
          expect(new Set(labels).size).toBe(labels.length);
        },
      ),
    );
  });

  it('are the same for one person everywhere in one document, and differ between people (property)', () => {
    const people = fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        people,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('victim', 'witness', 'judge')), {
          maxLength: 20,
        }),
        (ids, links) => {
          const personIds = ids.map((n) => `p-${n}`);
          const records = [
            ...personIds.map((id, i) => ({
              id,
              type: 'person',
              body: { names: [{ value: `Асоба Прозвішча${i}` }, { value: `Asoba Prozvišča${i}` }] },
            })),
            ...links.map(([a, b, role], i) => ({
              id: `case-${i}`,
              type: 'case',
              body: {
                title: 'Case',
                type: 'detention',
                involvements: [
                  { personId: personIds[a % personIds.length]!, role },
                  { personId: personIds[b % personIds.length]!, role: 'witness' },
                ],
              },
            })),
            ...links.map(([a], i) => ({
              id: `act-${i}`,
              type: 'act',
              body: {
                caseId: `case-${i}`,
                victimId: personIds[a % personIds.length]!,
                type: 'torture',
              },
            })),
          ];
          const set = redactForProfile(records, publicProfile, { onDay: '2024-01-01' });
          // Which pseudonym stands for which person: read off each record beside its unredacted twin.
          const byPerson = new Map<string, string>();
          const note = (personId: string, pseudonym: Pseudonym) => {
            const label = `${pseudonym.role} ${pseudonym.code}`;
            expect(byPerson.get(personId) ?? label, personId).toBe(label);
            byPerson.set(personId, label);
          };
          for (const record of set.records) {
            const original = records.find((r) => r.id === record.id)!;
            if (record.type === 'person')
              for (const p of pseudonymsIn(record.body)) note(record.id, p);
            if (record.type === 'case') {
              (record.body.involvements as unknown[]).forEach((inv, i) =>
                pseudonymsIn(inv).forEach((p) =>
                  note(
                    (original.body as { involvements: { personId: string }[] }).involvements[i]!
                      .personId,
                    p,
                  ),
                ),
              );
            }
            if (record.type === 'act')
              pseudonymsIn(record.body).forEach((p) =>
                note((original.body as { victimId: string }).victimId, p),
              );
          }
          const labels = [...byPerson.values()];
          expect(new Set(labels).size).toBe(labels.length);
          expect(JSON.stringify(set.records)).not.toMatch(/Прозвішча|Prozvišča/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
