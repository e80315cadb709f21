import { describe, expect, it } from 'vitest';

import { useVaultRouter } from '../../support/vaultRouter';

const vaultRouter = useVaultRouter();
const unlockedRouter = () =>
  vaultRouter.open([
    { type: 'person', id: 'p1', body: { names: [{ value: 'Ігар Лосік' }] } },
    {
      type: 'case',
      id: 'c1',
      body: {
        title: 'Арышт',
        type: 'detention',
        date: { date: '2020-06' },
        involvements: [{ personId: 'p1', role: 'victim' }],
      },
    },
    { type: 'case', id: 'c2', body: { title: 'Суд', type: 'criminal-prosecution' } },
    { type: 'detention', id: 'd1', body: { personId: 'p1', from: { date: '2020-06-25' } } },
  ]);

const ids = (result: unknown) =>
  (result as { value: { items: { record: { id: string } }[] } }).value.items.map(
    (item) => item.record.id,
  );

describe('the case list and the records that refer to a person', () => {
  it('narrow cases by type and by dates, and keep up with writes', async () => {
    const router = await unlockedRouter();
    expect(ids(await router.handle('cases.list', { offset: 0, limit: 10 }))).toEqual(['c1', 'c2']);
    expect(
      ids(await router.handle('cases.list', { offset: 0, limit: 10, caseType: 'detention' })),
    ).toEqual(['c1']);
    expect(
      ids(await router.handle('cases.list', { offset: 0, limit: 10, from: '2020-06-30' })),
    ).toEqual(['c1']);
    expect(ids(await router.handle('cases.list', { offset: 0, limit: 10, to: '2020-05' }))).toEqual(
      [],
    );
    await router.handle('records.put', {
      type: 'case',
      id: 'c2',
      body: { title: 'Суд', type: 'detention' },
    });
    expect(
      ids(await router.handle('cases.list', { offset: 0, limit: 10, caseType: 'detention' })),
    ).toEqual(['c1', 'c2']);
    const found = await router.handle('search.query', {
      query: 'Суд',
      types: ['case'],
      caseType: 'criminal-prosecution',
    });
    expect(found).toEqual({ ok: true, value: { hits: [] } });
  });

  it('list the records that refer to a person, by type', async () => {
    const router = await unlockedRouter();
    expect(
      ids(await router.handle('records.referring', { id: 'p1', types: ['detention', 'case'] })),
    ).toEqual(['d1', 'c1']);
    await router.handle('records.delete', { id: 'd1' });
    expect(
      ids(await router.handle('records.referring', { id: 'p1', types: ['detention'] })),
    ).toEqual([]);
  });
});
