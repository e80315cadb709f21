// records.browse over a real vault in the real worker: the lists of detentions, trials,
// testimonies and sources, narrowed by words and filters, each row with its person's name; and
// vocabularies that can gain and retire terms but never lose one.
import { describe, expect, it } from 'vitest';

import { listRecords } from '../../e2e/listsRecords';
import { useVaultRouter } from '../../support/vaultRouter';

const vault = useVaultRouter();
const unlockedRouter = () => vault.open(listRecords);

type Router = Awaited<ReturnType<typeof unlockedRouter>>;

async function browse(router: Router, args: Record<string, unknown>) {
  const result = await router.handle('records.browse', { offset: 0, limit: 50, ...args });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (
    result.value as {
      items: { head: { state: string; record: { id: string } }; person: string | null }[];
      total: number;
    }
  ).items.map((item) => [item.head.record.id, item.person]);
}

describe('records.browse', () => {
  it('lists detentions with the name of the person, by facility group and by dates held', async () => {
    const router = await unlockedRouter();
    expect(await browse(router, { type: 'detention' })).toEqual([
      ['d-akrestsina', 'Алесь Бяляцкі'],
      ['d-hostile', '<img src=x onerror=alert(1)>'],
      ['d-losik', 'Ігар Лосік'],
      ['d-sizo', 'Алесь Бяляцкі'],
    ]);
    // A group of facilities stands for every facility in it.
    expect(await browse(router, { type: 'detention', facility: 'pretrial' })).toEqual([
      ['d-sizo', 'Алесь Бяляцкі'],
    ]);
    // Still held: the detention runs on into any later range.
    expect(await browse(router, { type: 'detention', from: '2024' })).toEqual([
      ['d-hostile', '<img src=x onerror=alert(1)>'],
      ['d-losik', 'Ігар Лосік'],
      ['d-sizo', 'Алесь Бяляцкі'],
    ]);
    expect(await browse(router, { type: 'detention', to: '2021-07-13' })).toEqual([
      ['d-losik', 'Ігар Лосік'],
    ]);
  });

  it("finds a person's records by the name in another script, and by the record's own words", async () => {
    const router = await unlockedRouter();
    expect(await browse(router, { type: 'detention', query: 'Bialiatski' })).toEqual([
      ['d-akrestsina', 'Алесь Бяляцкі'],
      ['d-sizo', 'Алесь Бяляцкі'],
    ]);
    expect(await browse(router, { type: 'proceeding', query: 'Ленінскі' })).toEqual([
      ['p-bialiatski', 'Алесь Бяляцкі'],
    ]);
    expect(await browse(router, { type: 'source', query: 'Акрэсціна' })).toEqual([
      ['s-photo', null],
    ]);
  });

  it('narrows trials by article (a code stands for its articles), stage and dates', async () => {
    const router = await unlockedRouter();
    expect(await browse(router, { type: 'proceeding', article: 'cc-342' })).toEqual([
      ['p-bialiatski', 'Алесь Бяляцкі'],
    ]);
    expect(await browse(router, { type: 'proceeding', article: 'cc' })).toHaveLength(2);
    expect(await browse(router, { type: 'proceeding', stage: 'awaiting_verdict' })).toEqual([
      ['p-losik', 'Ігар Лосік'],
    ]);
    expect(await browse(router, { type: 'proceeding', from: '2023' })).toEqual([
      ['p-bialiatski', 'Алесь Бяляцкі'],
    ]);
  });

  it('narrows testimonies by consent and sources by kind; a coded interviewee shows its code', async () => {
    const router = await unlockedRouter();
    expect(await browse(router, { type: 'testimony' })).toEqual([
      ['t-bialiatski', 'Алесь Бяляцкі'],
      ['t-code', 'W-2024-017'],
      ['t-losik', 'Ігар Лосік'],
    ]);
    expect(await browse(router, { type: 'testimony', consent: 'withdrawn' })).toEqual([
      ['t-losik', 'Ігар Лосік'],
    ]);
    expect(await browse(router, { type: 'testimony', consent: 'none' })).toEqual([
      ['t-code', 'W-2024-017'],
    ]);
    expect(await browse(router, { type: 'source', kind: 'press' })).toEqual([['s-press', null]]);
    expect(await browse(router, { type: 'source', reliability: 'high' })).toEqual([
      ['s-photo', null],
    ]);
  });

  it('keeps a new record in its list and drops a deleted one', async () => {
    const router = await unlockedRouter();
    await browse(router, { type: 'source' });
    const put = await router.handle('records.put', {
      type: 'source',
      id: 's-new',
      body: { kind: 'document', title: 'Пратакол' },
    });
    expect(put.ok).toBe(true);
    expect(await browse(router, { type: 'source', kind: 'document' })).toEqual([['s-new', null]]);
    expect((await router.handle('records.delete', { id: 's-new' })).ok).toBe(true);
    expect(await browse(router, { type: 'source', kind: 'document' })).toEqual([]);
  });

  it('refuses a type without a list of its own, and an unknown filter', async () => {
    const router = await unlockedRouter();
    const person = await router.handle('records.browse', { type: 'person', offset: 0, limit: 5 });
    expect(person.ok ? null : person.error.code).toBe('invalid_request');
    const unknown = await router.handle('records.browse', {
      type: 'detention',
      offset: 0,
      limit: 5,
      region: 'by-hm',
    });
    expect(unknown.ok ? null : unknown.error.code).toBe('invalid_request');
  });
});

describe('vocabulary edits', () => {
  it('adds and retires terms, but refuses to drop one or to extend a fixed vocabulary', async () => {
    const router = await unlockedRouter();
    const current = async (name: string) => {
      const result = await router.handle('records.get', { id: `vocab-${name}` });
      if (!result.ok) throw new Error(result.error.message);
      return (result.value as { body: { name: string; terms: { id: string; retired?: true }[] } })
        .body;
    };
    const regions = await current('regions');
    const retired = {
      ...regions,
      terms: [
        ...regions.terms.map((term) => (term.id === 'by-hm' ? { ...term, retired: true } : term)),
        { id: 'abroad', labels: { en: 'Abroad', be: 'За мяжой' } },
      ],
    };
    const put = (body: unknown) =>
      router.handle('records.put', { type: 'vocabulary', id: 'vocab-regions', body });
    expect((await put(retired)).ok).toBe(true);
    // A record with the retired term still passes the vocabulary check.
    const person = await router.handle('records.put', {
      type: 'person',
      body: { names: [{ value: 'Марыя' }], region: 'by-hm' },
    });
    expect(person.ok).toBe(true);

    const dropped = await put({ ...retired, terms: retired.terms.filter((t) => t.id !== 'by-mi') });
    expect(dropped.ok).toBe(false);
    expect(dropped.ok ? null : dropped.error.fields).toEqual([
      {
        path: 'terms',
        message:
          'leaves out the term by-mi; mark it retired instead, so that records using it stay valid',
      },
    ]);

    const regimes = await current('regimes');
    const extended = await router.handle('records.put', {
      type: 'vocabulary',
      id: 'vocab-regimes',
      body: {
        ...regimes,
        terms: [...regimes.terms, { id: 'house-arrest', labels: { en: 'House' } }],
      },
    });
    expect(extended.ok ? null : extended.error.fields?.map((field) => field.path)).toEqual([
      `terms[${regimes.terms.length}].id`,
    ]);
    expect((await current('regions')).terms.map((term) => term.id)).toContain('by-mi');
  });
});
