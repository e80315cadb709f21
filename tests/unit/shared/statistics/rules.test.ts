import { describe, expect, it } from 'vitest';
import {
  administrativeCases,
  computeReview,
  deathsInCustodyIn,
  deathsInCustodyUpTo,
  formerAndCurrentPoliticalPrisoners,
  heldIncommunicado,
  indexRecords,
  peopleConvicted,
  peopleReleased,
  persecutionInstances,
  politicalPrisonersOn,
  reviewRequestProblem,
  type Figure,
} from '../../../../shared/statistics';
import { caseRecord, convicted, date, detention, person, proceeding, status } from './records';

/** The worked examples of docs/statistics.md, one `describe` per rule, in its order. */

const february = { from: '2024-02-01', to: '2024-03-01' };
const march = { from: '2024-03-01', to: '2024-04-01' };
const january = { from: '2024-01-01', to: '2024-02-01' };

/** A figure's certain ids and uncertain ids, the parts most examples speak of. */
const counted = (figure: Figure) => ({ certain: figure.ids, uncertain: figure.uncertain.ids });

describe('days and periods', () => {
  it('counts the first day of a period and not the day after its last', () => {
    const index = indexRecords([
      person('p1'),
      person('p2'),
      convicted('leap-day', 'p1', '2024-02-29'),
      convicted('first-of-march', 'p2', '2024-03-01'),
    ]);
    expect(counted(peopleConvicted(index, february))).toEqual({ certain: ['p1'], uncertain: [] });
    expect(counted(peopleConvicted(index, march))).toEqual({ certain: ['p2'], uncertain: [] });
  });

  it('reads a record time on the day written in it, whatever the time zone', () => {
    // 23:10 UTC on 4 March is already 5 March in Minsk; the day written is what counts.
    const late = status('political_prisoner', '2024-03-01', { recordedAt: '2024-03-04T23:10:00Z' });
    const index = indexRecords([person('p1', { statuses: [late] })]);
    expect(politicalPrisonersOn(index, '2024-03-04', { knownOn: '2024-03-04' }).total.ids).toEqual([
      'p1',
    ]);
    expect(politicalPrisonersOn(index, '2024-03-03', { knownOn: '2024-03-03' }).total.ids).toEqual(
      [],
    );
  });
});

describe('a date in a period', () => {
  it('counts dates wholly inside, and reports those that only may be inside as uncertain', () => {
    const index = indexRecords([
      convicted('a', 'p1', '2024-02-15'),
      convicted('b', 'p2', '2024-02'),
      convicted('c', 'p3', '2024'),
    ]);
    const figure = peopleConvicted(index, february);
    expect(figure.count).toBe(2);
    expect(figure.count + figure.uncertain.count).toBe(3);
    expect(counted(figure)).toEqual({ certain: ['p1', 'p2'], uncertain: ['p3'] });
    expect(figure.uncertain.recordIds).toEqual(['c']);
  });
});

describe('ranges and open ends', () => {
  const index = indexRecords([
    caseRecord('inside', 'search', '2024-02-05/2024-02-20'),
    caseRecord('straddles', 'search', '2024-01-25/2024-02-05'),
    caseRecord('by-february', 'search', '../2024-02'),
    caseRecord('since-10-february', 'search', '2024-02-10/..'),
    caseRecord('by-january', 'search', '../2024-01'),
  ]);

  it('counts a range inside the period, and an open or straddling range as uncertain', () => {
    expect(counted(persecutionInstances(index, february).total)).toEqual({
      certain: ['inside'],
      uncertain: ['by-february', 'since-10-february', 'straddles'],
    });
  });

  it('keeps an open end uncertain in every later period, and not in earlier ones', () => {
    expect(persecutionInstances(index, march).total.uncertain.ids).toEqual(['since-10-february']);
    expect(persecutionInstances(index, january).total.uncertain.ids).not.toContain(
      'since-10-february',
    );
  });
});

describe('missing dates', () => {
  it('puts an undated verdict among the uncertain of every period, never among the counted', () => {
    const index = indexRecords([convicted('undated', 'p1')]);
    for (const period of [january, february, { from: '2000-01-01', to: '2000-01-02' }]) {
      expect(counted(peopleConvicted(index, period))).toEqual({ certain: [], uncertain: ['p1'] });
    }
  });
});

describe('approximate dates', () => {
  it('counts "about February" as February and lists it as approximate', () => {
    const index = indexRecords([convicted('about', 'p1', '2024-02~')]);
    const figure = peopleConvicted(index, february);
    expect(figure.ids).toEqual(['p1']);
    expect(figure.approximateIds).toEqual(['p1']);
  });

  it('does not list a person whom an exact date alone makes certain', () => {
    const index = indexRecords([
      convicted('exact', 'p1', '2024-02-15'),
      convicted('about-2024', 'p1', '2024~'),
    ]);
    const figure = peopleConvicted(index, february);
    expect(figure.ids).toEqual(['p1']);
    expect(figure.approximateIds).toEqual([]);
  });

  it('lists an uncertain person whose possible date is approximate', () => {
    const index = indexRecords([convicted('about-2024', 'p1', '2024~')]);
    expect(peopleConvicted(index, february).approximateIds).toEqual(['p1']);
  });
});

describe('people, not records', () => {
  it('counts a person convicted twice in the period once, with both proceedings', () => {
    const index = indexRecords([
      convicted('first', 'p1', '2024-02-05'),
      convicted('second', 'p1', '2024-02-20'),
    ]);
    const figure = peopleConvicted(index, february);
    expect(figure.count).toBe(1);
    expect(figure.recordIds).toEqual(['first', 'second']);
  });

  it('counts a person certainly when one record is certain, behind that record only', () => {
    const index = indexRecords([
      convicted('certain', 'p1', '2024-02-05'),
      convicted('possible', 'p1', '2024'),
    ]);
    const figure = peopleConvicted(index, february);
    expect(counted(figure)).toEqual({ certain: ['p1'], uncertain: [] });
    expect(figure.recordIds).toEqual(['certain']);
  });
});

describe('political prisoners as of a day', () => {
  // docs/model.md: recognised on 1 May 2021 (entered 20 May), released 4 March 2024 (learned 6 March).
  const recognised = status('political_prisoner', '2021-05-01', {
    validTo: '2024-03-04',
    recordedAt: '2021-05-20T10:00:00Z',
    endRecordedAt: '2024-03-06T08:00:00Z',
    recognisedBy: 'Viasna',
  });
  const mistaken = status('political_prisoner', '2024-01', {
    recordedAt: '2024-02-01T10:00:00Z',
    retractedAt: '2024-02-10T10:00:00Z',
  });
  const index = indexRecords([
    person('released', { statuses: [recognised], sex: 'female', region: 'by-hm' }),
    person('mistaken', { statuses: [mistaken] }),
  ]);

  it('counts a prisoner released on 4 March on the 3rd, both ways', () => {
    expect(politicalPrisonersOn(index, '2024-03-03').total.ids).toEqual(['released']);
    expect(politicalPrisonersOn(index, '2024-03-03', { knownOn: '2024-03-03' }).total.ids).toEqual([
      'released',
    ]);
  });

  it('does not count them on 4 March as known today, but does as known on 4 March', () => {
    expect(politicalPrisonersOn(index, '2024-03-04').total.count).toBe(0);
    expect(politicalPrisonersOn(index, '2024-03-04', { knownOn: '2024-03-04' }).total.ids).toEqual([
      'released',
    ]);
  });

  it('counts a retracted entry as known before the retraction, not as known today', () => {
    expect(
      politicalPrisonersOn(index, '2024-02-05', { knownOn: '2024-02-05' }).total.ids,
    ).toContain('mistaken');
    expect(politicalPrisonersOn(index, '2024-02-05').total.ids).not.toContain('mistaken');
  });

  it('leaves out what was recorded after the day asked about', () => {
    expect(politicalPrisonersOn(index, '2021-05-10', { knownOn: '2021-05-10' }).total.count).toBe(
      0,
    );
    expect(politicalPrisonersOn(index, '2021-05-10').total.ids).toEqual(['released']);
  });

  it('counts women and regions from the person record', () => {
    const figures = politicalPrisonersOn(index, '2024-03-03');
    expect(figures.women.ids).toEqual(['released']);
    expect(Object.keys(figures.byRegion)).toEqual(['by-hm']);
  });

  it('reports a status that may have begun after the day as uncertain', () => {
    const unsure = indexRecords([
      person('p1', { statuses: [status('political_prisoner', '2024-03')] }),
    ]);
    expect(counted(politicalPrisonersOn(unsure, '2024-03-04').total)).toEqual({
      certain: [],
      uncertain: ['p1'],
    });
  });
});

describe('political prisoners by article', () => {
  it('lists a prisoner under every article charged, once each, and the uncharged apart', () => {
    const held = [status('political_prisoner', '2023-01-01')];
    const index = indexRecords([
      person('charged', { statuses: held }),
      person('uncharged', { statuses: held }),
      proceeding('first', 'charged', 'criminal', undefined, { charges: ['cc-342'] }),
      proceeding('second', 'charged', 'criminal', undefined, { charges: ['cc-342', 'cc-130'] }),
      proceeding(
        'acquitted',
        'charged',
        'criminal',
        { outcome: 'acquitted' },
        {
          charges: ['cc-369'],
        },
      ),
      proceeding('administrative', 'charged', 'administrative', undefined, {
        charges: ['coao-24.23'],
      }),
    ]);
    const { byArticle, total } = politicalPrisonersOn(index, '2024-03-04');
    expect(total.count).toBe(2);
    expect(Object.keys(byArticle)).toEqual(['(not recorded)', 'cc-130', 'cc-342']);
    expect(byArticle['cc-342']!.ids).toEqual(['charged']);
    expect(byArticle['cc-130']!.ids).toEqual(['charged']);
    expect(byArticle['(not recorded)']!.ids).toEqual(['uncharged']);
  });
});

describe('former and current political prisoners', () => {
  it('counts everyone recognised by the day, released or not', () => {
    const index = indexRecords([
      person('former', {
        sex: 'female',
        statuses: [status('political_prisoner', '2021', { validTo: '2022-06-01' })],
      }),
      person('since-march', { statuses: [status('political_prisoner', '2024-03-01/..')] }),
      person('later', { statuses: [status('political_prisoner', '2024-05-01')] }),
    ]);
    const { total, women } = formerAndCurrentPoliticalPrisoners(index, '2024-03-04');
    expect(counted(total)).toEqual({ certain: ['former'], uncertain: ['since-march'] });
    expect(women.ids).toEqual(['former']);
  });

  it('counts, as known on the day, only entries recorded by then', () => {
    const index = indexRecords([
      person('late', {
        statuses: [status('political_prisoner', '2021', { recordedAt: '2024-06-01T10:00:00Z' })],
      }),
    ]);
    expect(formerAndCurrentPoliticalPrisoners(index, '2024-03-04').total.count).toBe(1);
    expect(
      formerAndCurrentPoliticalPrisoners(index, '2024-03-04', { knownOn: '2024-03-04' }).total
        .count,
    ).toBe(0);
  });
});

describe('people released', () => {
  const index = indexRecords([
    detention('sizo', 'p1', '2021-06-01', '2022-01', { regime: 'pretrial' }),
    detention('colony', 'p1', '2022-01', '2024-02-15', {
      regime: 'general',
      releaseReason: 'pardon',
    }),
    detention('died', 'p2', '2022-05-01', '2024-02-20', { releaseReason: 'death_in_custody' }),
    detention('no-reason', 'p3', '2024-01-10', '2024-02-02'),
  ]);

  it('counts the release from the colony, by reason, and not the transfer from SIZO', () => {
    const released = peopleReleased(index, february);
    expect(counted(released.total)).toEqual({ certain: ['p1', 'p3'], uncertain: [] });
    expect(released.total.recordIds).toEqual(['colony', 'no-reason']);
    expect(Object.keys(released.byReason)).toEqual(['(not recorded)', 'pardon']);
    expect(peopleReleased(index, { from: '2022-01-01', to: '2022-02-01' }).total.count).toBe(0);
  });

  it('does not take a release written as the arrest was for a transfer', () => {
    const coarse = indexRecords([
      detention('sizo', 'p1', '2021', '2021-03-01', { regime: 'pretrial' }),
      detention('colony', 'p1', '2021-03-01', '2021', { releaseReason: 'served' }),
    ]);
    const released = peopleReleased(coarse, { from: '2021-01-01', to: '2022-01-01' });
    expect(released.total.recordIds).toEqual(['colony']);
  });
});

describe('deaths in custody', () => {
  it('counts a death recorded as a detention and as a status once, with both records', () => {
    const index = indexRecords([
      person('p1', { statuses: [status('died_in_custody', '2024-02-20')] }),
      detention('d1', 'p1', '2022-05-01', '2024-02-20', { releaseReason: 'death_in_custody' }),
      person('rumour', {
        statuses: [
          status('died_in_custody', '2024-02-10', { retractedAt: '2024-02-12T10:00:00Z' }),
        ],
      }),
    ]);
    const inFebruary = deathsInCustodyIn(index, february);
    expect(inFebruary.ids).toEqual(['p1']);
    expect(inFebruary.recordIds).toEqual(['d1', 'p1']);
    expect(deathsInCustodyUpTo(index, '2024-03-04').ids).toEqual(['p1']);
    expect(deathsInCustodyUpTo(index, '2024-02-19').count).toBe(0);
  });
});

describe('administrative cases', () => {
  it('counts a proceeding with jail and a fine as one trial, one jail term and one fine', () => {
    const index = indexRecords([
      proceeding(
        'jail-and-fine',
        'p1',
        'administrative',
        { outcome: 'convicted', date: '2024-02-12' },
        {
          charges: ['coao-24.23'],
          sentence: { jailDays: 15, fine: { amount: 740, currency: 'BYN' } },
        },
      ),
      proceeding(
        'again',
        'p1',
        'administrative',
        { outcome: 'convicted', date: '2024-02-27' },
        {
          sentence: { jailDays: 10 },
        },
      ),
      proceeding(
        'zero-days',
        'p2',
        'administrative',
        { outcome: 'convicted', date: '2024-02-12' },
        {
          sentence: { jailDays: 0, communityServiceHours: 40 },
        },
      ),
      proceeding('terminated', 'p3', 'administrative', {
        outcome: 'terminated',
        date: '2024-02-01',
      }),
      proceeding('pending', 'p4', 'administrative', undefined),
    ]);
    const figures = administrativeCases(index, february);
    expect(figures.trials.ids).toEqual(['again', 'jail-and-fine', 'terminated', 'zero-days']);
    expect(figures.jailTerms.ids).toEqual(['again', 'jail-and-fine']);
    expect(figures.fines.ids).toEqual(['jail-and-fine']);
    expect(figures.communityService.ids).toEqual(['zero-days']);
  });
});

describe('held incommunicado for more than N days', () => {
  const asOf = '2024-03-04';

  it('counts a spell that began N days before the day, and not one a day shorter', () => {
    const index = indexRecords([
      detention('long', 'p1', '2023-01-01', undefined, {
        incommunicadoPeriods: [{ from: date('2023-03-05') }],
      }),
      detention('short', 'p2', '2023-01-01', undefined, {
        incommunicadoPeriods: [{ from: date('2023-03-06') }],
      }),
    ]);
    expect(counted(heldIncommunicado(index, asOf, 365))).toEqual({
      certain: ['p1'],
      uncertain: [],
    });
  });

  it('joins the spells of a person moved from SIZO to a colony', () => {
    const index = indexRecords([
      detention('sizo', 'p1', '2022-12-01', '2023-06-01', {
        incommunicadoPeriods: [{ from: date('2023-02-01'), to: date('2023-06-01') }],
      }),
      detention('colony', 'p1', '2023-06-01', undefined, {
        incommunicadoPeriods: [{ from: date('2023-06-01') }],
      }),
    ]);
    const figure = heldIncommunicado(index, asOf, 365);
    expect(figure.ids).toEqual(['p1']);
    expect(figure.recordIds).toEqual(['colony', 'sizo']);
  });

  it('reports a spell that may have begun too late as uncertain', () => {
    const index = indexRecords([person('p1', { statuses: [status('incommunicado', '2023-03')] })]);
    expect(counted(heldIncommunicado(index, asOf, 365))).toEqual({
      certain: [],
      uncertain: ['p1'],
    });
  });

  it('ends a period left open with its detention, and ignores retracted statuses', () => {
    const index = indexRecords([
      detention('released', 'p1', '2022-01-01', '2024-03-01', {
        incommunicadoPeriods: [{ from: date('2022-02-01') }],
        releaseReason: 'served',
      }),
      person('p2', {
        statuses: [
          status('whereabouts_unknown', '2022-01-01', { retractedAt: '2022-03-01T10:00:00Z' }),
        ],
      }),
    ]);
    expect(heldIncommunicado(index, asOf, 365).count).toBe(0);
    expect(heldIncommunicado(index, '2024-02-29', 365).ids).toEqual(['p1']);
  });
});

describe('persecution instances', () => {
  it('counts cases in the period by type', () => {
    const index = indexRecords([
      caseRecord('search', 'search', '2024-02-03'),
      caseRecord('prosecution', 'criminal-prosecution', '2024-02'),
      caseRecord('march', 'search', '2024-03-01'),
    ]);
    const { total, byCaseType } = persecutionInstances(index, february);
    expect(total.ids).toEqual(['prosecution', 'search']);
    expect(Object.fromEntries(Object.entries(byCaseType).map(([k, f]) => [k, f.ids]))).toEqual({
      'criminal-prosecution': ['prosecution'],
      search: ['search'],
    });
  });
});

describe('the review', () => {
  it('gives period figures only when a period is asked for', () => {
    expect(computeReview({ records: [], asOf: '2024-03-04' }).period).toBeNull();
    const review = computeReview({ records: [], asOf: '2024-03-04', ...february });
    expect(review.period?.from).toBe('2024-02-01');
    expect(review.incommunicadoDays).toBe(365);
  });

  it('reads any iterable once', () => {
    function* records() {
      yield person('p1', { statuses: [status('political_prisoner', '2023-01-01')] });
    }
    const review = computeReview({ records: records(), asOf: '2024-03-04' });
    expect(review.politicalPrisoners.today.total.ids).toEqual(['p1']);
    expect(review.formerAndCurrentPoliticalPrisoners.onAsOf.total.ids).toEqual(['p1']);
  });

  it('says what is wrong with a request, and refuses it', () => {
    expect(reviewRequestProblem({ asOf: '2024-03-04' })).toBeUndefined();
    expect(reviewRequestProblem({ asOf: '2024-02-30' })).toMatch(/as-of day/);
    expect(reviewRequestProblem({ asOf: '2024-03-04', from: '2024-02-01' })).toMatch(/both/);
    expect(
      reviewRequestProblem({ asOf: '2024-03-04', from: '2024-03-01', to: '2024-03-01' }),
    ).toMatch(/end after/);
    expect(reviewRequestProblem({ asOf: '2024-03-04', incommunicadoDays: -1 })).toMatch(/whole/);
    expect(() => computeReview({ records: [], asOf: '4 March' })).toThrow(RangeError);
  });
});
