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

/** A project with its partners, programme and the agreement it implements. */
export type ProjectDossier = {
  project: Project;
  partners: Map<string, Partner>;
  agreement: Agreement | null;
  followUps: FollowUp[];
  documents: RegistryDocument[];
};

export async function loadProjectDossier(
  db: RegistryDb,
  id: string,
): Promise<ProjectDossier | null> {
  const project = await getLiveRecord(db, 'projects', id);
  if (!project) return null;
  const partnerIds = [
    ...project.partners.map((entry) => entry.partnerId),
    ...(project.programmeId ? [project.programmeId] : []),
  ];
  const [partners, agreement, linking] = await Promise.all([
    getLiveRecordsById(db, 'partners', partnerIds),
    project.agreementId ? getLiveRecord(db, 'agreements', project.agreementId) : null,
    getLinkingRecords(db, id),
  ]);
  return {
    project,
    partners,
    agreement,
    followUps: linking.followUps,
    documents: linking.documents,
  };
}

/** Live: undefined while loading, null when there is no such project. */
export function useProjectDossier(id: string): ProjectDossier | null | undefined {
  const { db } = useRegistry();
  return useLiveQuery(() => loadProjectDossier(db, id), [db, id]);
}
