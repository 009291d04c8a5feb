import { afterEach, describe, expect, it } from 'vitest';
import type { RegistryDb } from '../../db/RegistryDb';
import { createTestDb } from '../../db/testing/testDb';
import { deleteView, restoreView, saveView, SavedViewError } from './savedViews';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('saved views', () => {
  it('saves per list, replaces a view saved again under the same name, and restores a deleted one', async () => {
    const db = createTestDb();
    opened.push(db);
    const first = await saveView(db, 'agreements', 'In force with Germany', 'status=in-force');
    await saveView(db, 'events', 'In force with Germany', 'kind=summit');
    const replaced = await saveView(db, 'agreements', ' in force WITH germany ', 'status=signed');
    expect(replaced.id).toBe(first.id);
    const agreements = await db.savedViews.where('kind').equals('agreements').toArray();
    expect(agreements.map((view) => [view.name, view.query])).toEqual([
      ['in force WITH germany', 'status=signed'],
    ]);

    await deleteView(db, first.id);
    expect(await db.savedViews.get(first.id)).toBeUndefined();
    await restoreView(db, replaced);
    expect((await db.savedViews.get(first.id))?.query).toBe('status=signed');
  });

  it('refuses a blank or overlong name', async () => {
    const db = createTestDb();
    opened.push(db);
    await expect(saveView(db, 'partners', '   ', '')).rejects.toEqual(new SavedViewError('empty'));
    await expect(saveView(db, 'partners', 'x'.repeat(81), '')).rejects.toBeInstanceOf(
      SavedViewError,
    );
    expect(await db.savedViews.count()).toBe(0);
  });
});
