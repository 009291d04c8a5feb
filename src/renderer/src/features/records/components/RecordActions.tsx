import type { RecordKind } from '@shared/model/records';
import { recordEditPath, recordListPath } from '../../../app/recordPaths';
import { EditRecordButton } from '../../../ui/form/EditRecordButton';
import { DeleteRecordButton } from '../../trash/components/DeleteRecordButton';

type RecordActionsProps = {
  kind: RecordKind;
  id: string;
  /** The record's name as shown, for the delete confirmation and its Undo message. */
  name: string;
};

/** A detail page's header actions, so every record is edited and deleted the same way. */
export function RecordActions({ kind, id, name }: RecordActionsProps) {
  const editPath = recordEditPath(kind, id);
  return (
    <>
      {editPath && <EditRecordButton path={editPath} />}
      <DeleteRecordButton kind={kind} id={id} name={name} listPath={recordListPath(kind)} />
    </>
  );
}
