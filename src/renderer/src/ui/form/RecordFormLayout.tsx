import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RecordForm } from './useRecordForm';

type RecordFormLayoutProps<D> = {
  title: string;
  form: RecordForm<D>;
  /** Buttons that act on the whole record (delete), beside the title. */
  actions?: ReactNode;
  children: ReactNode;
};

/** The frame of every record form: title, what went wrong, the fields, Save and Cancel, the guard. */
export function RecordFormLayout<D>({ title, form, actions, children }: RecordFormLayoutProps<D>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Box
      component="form"
      onSubmit={(event) => void form.submit(event)}
      noValidate
      sx={{ maxWidth: 1040 }}
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', mb: 1 }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        {actions}
      </Stack>
      {form.formError && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="form-error">
          {form.formError}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Stack spacing={3}>{children}</Stack>
      </Paper>
      <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
        <Button type="submit" variant="contained" disabled={form.isSaving}>
          {t('form.save')}
        </Button>
        <Button onClick={() => void navigate(form.cancelPath)}>{t('common.cancel')}</Button>
      </Stack>
      {form.guard}
    </Box>
  );
}
