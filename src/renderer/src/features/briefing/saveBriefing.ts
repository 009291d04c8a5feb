import type { BriefingDocument } from '@shared/briefing/briefingModel';
import {
  briefingPageTemplates,
  renderBriefingHtml,
  renderBriefingParts,
} from '@shared/briefing/renderBriefingHtml';
import { registryClient } from '../../ipc/registryClient';

/** A file name from the pack's title and date, with characters Windows refuses left out. */
export function packFileName(doc: BriefingDocument, today: string, extension: 'pdf' | 'docx') {
  const title = doc.title
    .replace(/[\s\S]/g, (character) =>
      character < ' ' || '\\/:*?"<>|'.includes(character) ? ' ' : character,
    )
    .replace(/\s+/g, ' ')
    .trim();
  return `${doc.heading} - ${title.slice(0, 120)} - ${today}.${extension}`;
}

type Labels = { dialogTitle: string; filterName: string };

/** Asks main to print the pack to PDF where the user chooses; null when cancelled. */
export function savePackAsPdf(doc: BriefingDocument, today: string, labels: Labels) {
  return registryClient.briefing.savePdf({
    title: labels.dialogTitle,
    defaultName: packFileName(doc, today, 'pdf'),
    filterName: labels.filterName,
    html: renderBriefingHtml(doc, { pages: 'tokens' }),
    parts: renderBriefingParts(doc),
    ...briefingPageTemplates(doc),
  });
}

/**
 * Builds the Word document in the renderer (docx is loaded only now, keeping it out of the
 * start-up bundle) and saves it atomically through main; null when cancelled.
 */
export async function savePackAsDocx(doc: BriefingDocument, today: string, labels: Labels) {
  const { renderBriefingDocx } = await import('@shared/briefing/renderBriefingDocx');
  const bytes = await renderBriefingDocx(doc);
  return registryClient.file.save({
    title: labels.dialogTitle,
    defaultName: packFileName(doc, today, 'docx'),
    format: 'docx',
    filterName: labels.filterName,
    bytes,
  });
}
