import EditIcon from '@mui/icons-material/Edit';
import { Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRegistry } from '../../app/RegistryContext';

/** Opens a record's edit form; not offered when the policy makes the registry read-only. */
export function EditRecordButton({ path }: { path: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { isReadOnly } = useRegistry();
  if (isReadOnly) return null;
  return (
    <Button variant="outlined" startIcon={<EditIcon />} onClick={() => void navigate(path)}>
      {t('form.edit')}
    </Button>
  );
}
