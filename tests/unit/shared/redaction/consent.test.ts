import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentUses } from '../../../../shared/model';
import { consentDecision, redactForProfile } from '../../../../shared/redaction';
import { consentArbitrary, day, profileArbitrary } from './arbitraries';

describe('consent limits every export of a testimony', () => {
  it('leaves a testimony without consent out of everything but internal use', () => {
    for (const use of consentUses) {
      expect(consentDecision({ interviewer: 'x' }, use, '2024-01-01').include).toBe(
        use === 'internal',
      );
    }
  });

  it('follows the consent given for the use, withdrawal first (property)', () => {
    fc.assert(
      fc.property(
        consentArbitrary(),
        fc.constantFrom(...consentUses),
        day(),
        (consent, use, today) => {
          const decision = consentDecision(consent === undefined ? {} : { consent }, use, today);
          if (use === 'internal') {
            expect(decision).toEqual({ include: true, anonymous: false });
            return;
          }
          if (!consent) {
            expect(decision).toEqual({ include: false, reason: 'no-consent' });
            return;
          }
          if (consent.withdrawnOn !== undefined && consent.withdrawnOn <= today) {
            {
              expect(decision).toEqual({ include: false, reason: 'withdrawn' });
              return;
            }
          }
          const scope = consent.uses[use];
          if (scope === 'identifiable') {
            expect(decision).toEqual({ include: true, anonymous: false });
            return;
          }
          if (scope === 'anonymous') {
            expect(decision).toEqual({ include: true, anonymous: true });
            return;
          }
          {
            expect(decision).toEqual({ include: false, reason: 'not-allowed' });
            return;
          }
        },
      ),
    );
  });

  it('takes a withdrawal it cannot read as a withdrawal', () => {
    const consent = {
      uses: { publication: 'identifiable' },
      givenOn: '2020-01-01',
      how: 'written',
      withdrawnOn: 42,
    };
    expect(consentDecision({ consent }, 'publication', '2024-01-01')).toEqual({
      include: false,
      reason: 'withdrawn',
    });
  });

  it('whatever the profile: a testimony is exported exactly when its consent allows, and an anonymous one never names its witness (property)', () => {
    fc.assert(
      fc.property(profileArbitrary(), consentArbitrary(), day(), (profile, consent, today) => {
        const records = [
          {
            id: 'p-1',
            type: 'person',
            body: { names: [{ value: 'Ганна Сцяпанаўна Зыгмантовіч' }] },
          },
          {
            id: 't-1',
            type: 'testimony',
            body: {
              intervieweeId: 'p-1',
              interviewer: 'Documenter Name',
              date: { date: '2021' },
              transcript: 'An account.',
              ...(consent ? { consent } : {}),
            },
          },
          {
            id: 'c-1',
            type: 'case',
            body: {
              title: 'A case',
              type: 'detention',
              involvements: [{ personId: 'p-1', role: 'victim' }],
            },
          },
        ];
        const set = redactForProfile(records, profile, { onDay: today });
        const decision = consentDecision(records[1]!.body, profile.use, today);
        expect(set.byId.has('t-1')).toBe(decision.include);
        if (!decision.include)
          expect(set.summary.excluded).toEqual([
            { id: 't-1', type: 'testimony', reason: decision.reason },
          ]);
        if (decision.include && decision.anonymous) {
          expect(JSON.stringify(set.records)).not.toContain('Зыгмантовіч');
          expect(
            (set.records.find((r) => r.id === 'c-1')?.body.involvements as unknown[] | undefined) ??
              [],
          ).not.toContainEqual(
            expect.objectContaining({ personId: { $person: { name: expect.anything() } } }),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
