import RestoreIcon from '@mui/icons-material/RestoreFromTrash';
import {
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RecordKind } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { recordPath } from '../../app/recordPaths';
import { EmptyState } from '../../ui/EmptyState';
import { useNotify } from '../../ui/Notifications';
import { useFormat } from '../../ui/useFormat';
import { recordLabel } from '../records/recordLabel';
import { restoreFromTrash } from './mutations';
import { useTrash } from './queries';

/** Deleted records, newest first, each restorable with the links it had. */
export function TrashPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const navigate = useNavigate();
  const { db, mutationContext, device, isReadOnly } = useRegistry();
  const entries = useTrash();

  const restore = async (kind: RecordKind, id: string, name: string) => {
    try {
      await restoreFromTrash(db, kind, id, mutationContext);
      const path = recordPath(kind, id);
      notify({
        severity: 'success',
        message: t('trash.restored', { name }),
        ...(path ? { action: { label: t('trash.open'), onClick: () => void navigate(path) } } : {}),
      });
    } catch (error) {
      notify({
        severity: 'error',
        message: t('trash.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1 }}>
        <Typography variant="h4" component="h1">
          {t('trash.title')}
        </Typography>
        {entries && (
          <Typography color="text.secondary" data-testid="record-count">
            {t('list.count', { count: entries.length })}
          </Typography>
        )}
      </Box>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('trash.help')}
      </Typography>
      {entries === undefined ? (
        <Typography role="status">{t('common.loading')}</Typography>
      ) : entries.length === 0 ? (
        <EmptyState title={t('trash.empty')} />
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('trash.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('columns.name')}</TableCell>
                <TableCell>{t('columns.kind')}</TableCell>
                <TableCell>{t('trash.deletedAt')}</TableCell>
                <TableCell>{t('trash.deletedBy')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map(({ kind, record }) => {
                const label = recordLabel(record);
                const name = typeof label === 'string' ? label : format.text(label);
                return (
                  <TableRow key={record.id}>
                    <TableCell>{name}</TableCell>
                    <TableCell>{t(`trash.kinds.${kind}`)}</TableCell>
                    <TableCell>
                      {record.deletedAt ? format.timestamp(record.deletedAt) : ''}
                    </TableCell>
                    <TableCell>
                      {record.changedBy === device.deviceId
                        ? t('trash.thisComputer')
                        : record.changedBy}
                    </TableCell>
                    <TableCell align="right">
                      {!isReadOnly && (
                        <Button
                          size="small"
                          startIcon={<RestoreIcon />}
                          onClick={() => void restore(kind, record.id, name)}
                          aria-label={t('trash.restoreNamed', { name })}
                        >
                          {t('trash.restore')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
