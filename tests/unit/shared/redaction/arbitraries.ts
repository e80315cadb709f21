import fc from 'fast-check';
import type { IsoDay } from '../../../../shared/dates';
import { consentScopes, consentUses } from '../../../../shared/model';
import { treatments, type ExportProfile } from '../../../../shared/redaction';

export const day = (): fc.Arbitrary<IsoDay> =>
  fc
    .date({
      min: new Date('2019-01-01T00:00:00Z'),
      max: new Date('2025-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

export const profileArbitrary = (): fc.Arbitrary<ExportProfile> =>
  fc.record({
    id: fc.constantFrom('p-one', 'p-two'),
    labels: fc.constant({ en: 'Generated profile' }),
    use: fc.constantFrom(...consentUses),
    classes: fc.record({
      public: fc.constantFrom(...treatments),
      restricted: fc.constantFrom(...treatments),
      confidential: fc.constantFrom(...treatments),
      secret: fc.constantFrom(...treatments),
    }),
    coarseDates: fc.constantFrom('month' as const, 'year' as const),
  });

export const consentArbitrary = () =>
  fc.option(
    fc.record(
      {
        uses: fc.record(
          Object.fromEntries(
            consentUses.map((u) => [u, fc.constantFrom(...consentScopes)]),
          ) as Record<(typeof consentUses)[number], fc.Arbitrary<(typeof consentScopes)[number]>>,
          { requiredKeys: [] },
        ),
        givenOn: day(),
        how: fc.constant('written' as const),
        withdrawnOn: day(),
      },
      { requiredKeys: ['uses', 'givenOn', 'how'] },
    ),
    { nil: undefined },
  );
