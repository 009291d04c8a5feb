import { useLiveQuery } from 'dexie-react-hooks';
import * as z from 'zod';
import { BRIEFING_SECTIONS, type SectionChoice } from '@shared/briefing/briefingModel';
import { SENSITIVITY_LEVELS, type Sensitivity } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import type { RegistryDb, SavedView } from '../../db/RegistryDb';

/**
 * Briefing templates live in the saved-views table under kind 'briefing' (no schema change): the
 * name, and the section choices and threshold as JSON in `query`.
 */
export const TEMPLATE_KIND = 'briefing';

export type BriefingTemplate = {
  id: string;
  name: string;
  sections: SectionChoice[];
  maxSensitivity: Sensitivity;
};

const templateQuerySchema = z.object({
  sections: z.array(z.object({ id: z.enum(BRIEFING_SECTIONS), isIncluded: z.boolean() })),
  maxSensitivity: z.enum(SENSITIVITY_LEVELS),
});

/**
 * A template's sections completed with any section added to the app after it was saved (at the
 * end, included), so an old template never hides a new section silently.
 */
function completeSections(sections: SectionChoice[]): SectionChoice[] {
  const known = new Set(sections.map((choice) => choice.id));
  return [
    ...sections,
    ...BRIEFING_SECTIONS.filter((id) => !known.has(id)).map((id) => ({ id, isIncluded: true })),
  ];
}

function fromView(view: SavedView): BriefingTemplate | null {
  try {
    const parsed = templateQuerySchema.parse(JSON.parse(view.query));
    return { id: view.id, name: view.name, ...parsed, sections: completeSections(parsed.sections) };
  } catch {
    return null;
  }
}

/** Saves the choices under a name; a template of the same name (ignoring case) is replaced. */
export async function saveTemplate(
  db: RegistryDb,
  template: Omit<BriefingTemplate, 'id'>,
  now: Date = new Date(),
): Promise<BriefingTemplate> {
  const name = template.name.trim().slice(0, 80);
  const query = JSON.stringify({
    sections: template.sections,
    maxSensitivity: template.maxSensitivity,
  });
  return db.transaction('rw', db.savedViews, async () => {
    const existing = (await db.savedViews.where('kind').equals(TEMPLATE_KIND).toArray()).find(
      (view) => view.name.localeCompare(name, undefined, { sensitivity: 'base' }) === 0,
    );
    const view: SavedView = existing
      ? { ...existing, name, query }
      : { id: crypto.randomUUID(), kind: TEMPLATE_KIND, name, query, createdAt: now.toISOString() };
    await db.savedViews.put(view);
    return { ...template, name, id: view.id };
  });
}

export async function listTemplates(db: RegistryDb): Promise<BriefingTemplate[]> {
  const views = await db.savedViews.where('kind').equals(TEMPLATE_KIND).toArray();
  return views
    .map(fromView)
    .filter((template): template is BriefingTemplate => template !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The saved templates, live. */
export function useBriefingTemplates(): BriefingTemplate[] | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => listTemplates(db), [db]);
}
