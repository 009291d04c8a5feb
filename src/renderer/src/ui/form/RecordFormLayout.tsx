import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isInsideModal, isInsideOpenPopup } from '../keyboard/isInsideOpenPopup';
import { ShortcutTooltip } from '../keyboard/ShortcutTooltip';
import { useShortcut } from '../keyboard/useShortcut';
import type { RecordForm } from './useRecordForm';

type RecordFormLayoutProps<D> = {
  title: string;
  form: RecordForm<D>;
  /** Buttons that act on the whole record (delete), beside the title. */
  actions?: ReactNode;
  children: ReactNode;
};

/**
 * The frame of every record form: title, what went wrong, the fields, Save and Cancel, the guard.
 * Ctrl+S saves and Esc cancels from any field, through the same paths as the two buttons.
 */
export function RecordFormLayout<D>({ title, form, actions, children }: RecordFormLayoutProps<D>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const cancel = () => void navigate(form.cancelPath);

  // Capture phase: no field may swallow Ctrl+S, and the browser must never get it. Submitting the
  // form element runs exactly what the Save button runs, validation messages included.
  useShortcut(
    'mod+s',
    (event) => {
      event.preventDefault();
      if (event.repeat || form.isSaving || isInsideModal(event.target)) return;
      formRef.current?.requestSubmit();
    },
    { phase: 'capture' },
  );
  // Bubble phase: an open list, menu or dialog handles Esc first (MUI stops it there), so Esc
  // closes that and only a second Esc leaves the form; the guard still asks about changes.
  useShortcut('escape', (event) => {
    if (event.defaultPrevented || form.isSaving || isInsideOpenPopup(event.target)) return;
    event.preventDefault();
    cancel();
  });

  return (
    <Box
      component="form"
      ref={formRef}
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
        <ShortcutTooltip shortcut="mod+s" title={(keys) => t('shortcuts.save', { keys })}>
          <Button type="submit" variant="contained" disabled={form.isSaving}>
            {t('form.save')}
          </Button>
        </ShortcutTooltip>
        <ShortcutTooltip shortcut="escape" title={(keys) => t('shortcuts.cancel', { keys })}>
          <Button onClick={cancel}>{t('common.cancel')}</Button>
        </ShortcutTooltip>
      </Stack>
      {form.guard}
    </Box>
  );
}
