import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentFile } from '@shared/model/records';
import { createRecord, deleteRecord, type MutationError } from '../../db/changeTracking';
import { getLinkingRecords } from '../../db/linkedRecords';
import type { RegistryDb } from '../../db/RegistryDb';
import { createTestDb, testContext } from '../../db/testing/testDb';
import { fileSizeParts } from './fileSize';
import { attachFileToRecord, replaceDocumentFile, toDocumentFile } from './mutations';
import { loadDocumentDossier } from './queries';

const opened: RegistryDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function openDb(): RegistryDb {
  const db = createTestDb();
  opened.push(db);
  return db;
}

const SCAN: DocumentFile = {
  sha256: 'a'.repeat(64),
  name: 'Signed agreement.pdf',
  mediaType: 'application/pdf',
  size: 1_234_567,
};

async function seedAgreement(db: RegistryDb, sensitivity: 'public' | 'restricted' = 'public') {
  const context = testContext();
  const iom = await createRecord(
    db,
    'partners',
    { kind: 'international-organization', name: { en: 'IOM' } },
    context,
  );
  const agreement = await createRecord(
    db,
    'agreements',
    { kind: 'agreement', title: { en: 'Voluntary return' }, sensitivity },
    context,
  );
  return { context, iom, agreement };
}

describe('attachFileToRecord', () => {
  it('creates a document titled by the file, linked to the record, found from it', async () => {
    const db = openDb();
    const { context, agreement } = await seedAgreement(db);
    const document = await attachFileToRecord(db, context, {
      file: SCAN,
      record: agreement,
      language: 'ru',
    });
    expect(document).toMatchObject({
      title: { ru: 'Signed agreement.pdf' },
      file: SCAN,
      linkedRecordIds: [agreement.id],
      sensitivity: 'internal',
      rev: 1,
    });
    expect((await getLinkingRecords(db, agreement.id)).documents.map((d) => d.id)).toEqual([
      document.id,
    ]);
    expect(await db.changes.where('recordId').equals(document.id).count()).toBe(1);
  });

  it('marks the document as strictly as a restricted record', async () => {
    const db = openDb();
    const { context, agreement } = await seedAgreement(db, 'restricted');
    const document = await attachFileToRecord(db, context, {
      file: SCAN,
      record: agreement,
      language: 'en',
    });
    expect(document.sensitivity).toBe('restricted');
  });
});

describe('replaceDocumentFile', () => {
  it('puts another file in, keeping title and links, and refuses a stale write', async () => {
    const db = openDb();
    const { context, agreement } = await seedAgreement(db);
    const document = await attachFileToRecord(db, context, {
      file: SCAN,
      record: agreement,
      language: 'en',
    });
    const minutes = { ...SCAN, sha256: 'b'.repeat(64), name: 'minutes.docx' };
    const replaced = await replaceDocumentFile(db, context, document, minutes);
    expect(replaced).toMatchObject({ rev: 2, file: minutes, title: document.title });
    await expect(replaceDocumentFile(db, context, document, SCAN)).rejects.toMatchObject({
      reason: 'stale',
    } satisfies Partial<MutationError>);
  });

  it('keeps only the reference when main reports more', () => {
    expect(toDocumentFile({ ...SCAN, isAlreadyStored: true } as DocumentFile)).toEqual(SCAN);
  });
});

describe('loadDocumentDossier', () => {
  it('finds each linked record’s kind, and names those no longer live', async () => {
    const db = openDb();
    const { context, iom, agreement } = await seedAgreement(db);
    const document = await createRecord(
      db,
      'documents',
      { title: { en: 'Minutes' }, linkedRecordIds: [agreement.id, iom.id] },
      context,
    );
    await deleteRecord(db, 'partners', iom.id, context);
    const dossier = await loadDocumentDossier(db, document.id);
    expect(dossier?.linked.map(({ kind, record }) => [kind, record.id])).toEqual([
      ['agreements', agreement.id],
    ]);
    expect(dossier?.missingIds).toEqual([iom.id]);

    await deleteRecord(db, 'documents', document.id, context);
    expect(await loadDocumentDossier(db, document.id)).toBeNull();
  });
});

describe('fileSizeParts', () => {
  it('picks the unit a file manager would', () => {
    expect(fileSizeParts(512)).toEqual({ unit: 'bytes', value: 512 });
    expect(fileSizeParts(1536)).toEqual({ unit: 'kilobytes', value: 1.5 });
    expect(fileSizeParts(1_234_567)).toEqual({ unit: 'megabytes', value: 1.2 });
  });
});
