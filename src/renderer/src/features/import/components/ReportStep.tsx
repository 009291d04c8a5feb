import { Alert, Box, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { ImportReport } from '../commitImport';

type ReportStepProps = {
  report: ImportReport;
  /** Where the imported records are listed, and the section's name; null for a mixed JSON file. */
  list: { path: string; section: string } | null;
  /** Null where the machine policy allows no CSV: the rejected rows cannot be saved here. */
  onSaveRejected: (() => void) | null;
  onStartOver: () => void;
};

/** What the import did, in counts, with the rejected rows to save and fix. */
export function ReportStep({ report, list, onSaveRejected, onStartOver }: ReportStepProps) {
  const { t } = useTranslation();
  const lines = (['created', 'updated', 'unchanged', 'skipped', 'rejected'] as const).filter(
    (key) => report[key] > 0 || key === 'created' || key === 'rejected',
  );
  return (
    <Box>
      <Typography variant="h6" component="h2" gutterBottom>
        {t('importer.reportTitle')}
      </Typography>
      <Alert severity={report.rejected > 0 ? 'warning' : 'success'} sx={{ mb: 2 }}>
        <List dense disablePadding data-testid="import-report">
          {lines.map((key) => (
            <ListItem key={key} disableGutters data-testid={`report-${key}`}>
              {t(`importer.report.${key}`, { count: report[key] })}
            </ListItem>
          ))}
        </List>
      </Alert>
      {report.rejected > 0 && !onSaveRejected && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('exports.formatNotAllowed', { format: 'CSV' })}
        </Alert>
      )}
      <Stack direction="row" spacing={2}>
        {report.rejected > 0 && onSaveRejected && (
          <Button variant="outlined" onClick={onSaveRejected}>
            {t('importer.saveRejected')}
          </Button>
        )}
        {list && (
          <Button variant="contained" component={RouterLink} to={list.path}>
            {t('importer.openList', { section: list.section })}
          </Button>
        )}
        <Button onClick={onStartOver}>{t('importer.startOver')}</Button>
      </Stack>
    </Box>
  );
}
