import type { Language } from '@shared/model/localizedText';
import {
  SENSITIVITY_LEVELS,
  type DocumentFile,
  type RegistryDocument,
  type Sensitivity,
} from '@shared/model/records';
import { createRecord, updateRecord, type MutationContext } from '../../db/changeTracking';
import type { RegistryDb } from '../../db/RegistryDb';

/** The stricter of two markings: a document is never shown more widely than its record. */
function stricter(a: Sensitivity, b: Sensitivity): Sensitivity {
  return SENSITIVITY_LEVELS.indexOf(a) >= SENSITIVITY_LEVELS.indexOf(b) ? a : b;
}

/**
 * Creates the document a file attached from a record's page becomes: titled by the file's name
 * (in the UI language, to be renamed later), linked to that record, and marked at least
 * `internal`, or as strictly as the record itself is.
 */
export function attachFileToRecord(
  db: RegistryDb,
  context: MutationContext,
  options: {
    file: DocumentFile;
    record: { id: string; sensitivity: Sensitivity };
    language: Language;
  },
): Promise<RegistryDocument> {
  const { file, record, language } = options;
  return createRecord(
    db,
    'documents',
    {
      title: { [language]: file.name },
      file,
      linkedRecordIds: [record.id],
      sensitivity: stricter('internal', record.sensitivity),
    },
    context,
  );
}

/**
 * Puts another file in a document, keeping its title, links and history. `expectedRev` refuses
 * the change if the document was saved elsewhere since it was shown.
 */
export function replaceDocumentFile(
  db: RegistryDb,
  context: MutationContext,
  document: Pick<RegistryDocument, 'id' | 'rev'>,
  file: DocumentFile,
): Promise<RegistryDocument> {
  return updateRecord(db, 'documents', document.id, { file }, context, {
    expectedRev: document.rev,
  });
}

/** The reference a record keeps, without what main says about the store (isAlreadyStored). */
export function toDocumentFile(file: DocumentFile): DocumentFile {
  return { sha256: file.sha256, name: file.name, mediaType: file.mediaType, size: file.size };
}
