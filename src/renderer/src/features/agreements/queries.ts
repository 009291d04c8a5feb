import { useLiveQuery } from 'dexie-react-hooks';
import type {
  Agreement,
  FollowUp,
  Partner,
  Project,
  RegistryDocument,
} from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { getLinkingRecords, getLiveRecord, getLiveRecordsById } from '../../db/linkedRecords';
import type { RegistryDb } from '../../db/RegistryDb';

/** An agreement with its parties and everything that refers to it. */
export type AgreementDossier = {
  agreement: Agreement;
  parties: Map<string, Partner>;
  projects: Project[];
  followUps: FollowUp[];
  documents: RegistryDocument[];
};

export async function loadAgreementDossier(
  db: RegistryDb,
  id: string,
): Promise<AgreementDossier | null> {
  const agreement = await getLiveRecord(db, 'agreements', id);
  if (!agreement) return null;
  const [parties, linking] = await Promise.all([
    getLiveRecordsById(
      db,
      'partners',
      agreement.parties.map((party) => party.partnerId),
    ),
    getLinkingRecords(db, id),
  ]);
  return {
    agreement,
    parties,
    projects: linking.projects,
    followUps: linking.followUps,
    documents: linking.documents,
  };
}

/** Live: undefined while loading, null when there is no such agreement. */
export function useAgreementDossier(id: string): AgreementDossier | null | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadAgreementDossier(db, id), [db, id]);
}
