import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { registryClient } from '../ipc/registryClient';

type ErrorFallbackProps = { error: Error; onRetry: () => void };

function ErrorFallback({ error, onRetry }: ErrorFallbackProps) {
  const { t } = useTranslation();
  return (
    <Box sx={{ maxWidth: 720, mx: 'auto', mt: 6, px: 2 }}>
      <Alert severity="error" role="alert">
        <AlertTitle>{t('errors.title')}</AlertTitle>
        <Typography sx={{ mb: 2 }}>{t('errors.body')}</Typography>
        <details>
          <summary>{t('errors.details')}</summary>
          <Typography component="pre" sx={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>
            {error.message}
          </Typography>
        </details>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button variant="contained" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
          <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
        </Stack>
      </Alert>
    </Box>
  );
}

type ErrorBoundaryProps = { children: ReactNode; resetKey?: unknown };
type ErrorBoundaryState = { error: Error | null; resetKey: unknown };

/**
 * Catches a rendering failure, reports it to main's log and shows what to do instead of a blank
 * window. Moving to another screen (a new resetKey) clears it.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    registryClient.diagnostics
      .reportError({
        message: error.message,
        stack: error.stack ?? null,
        componentStack: info.componentStack ?? null,
      })
      .catch((reportError: unknown) => console.error('Could not log the error', reportError));
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <ErrorFallback error={this.state.error} onRetry={() => this.setState({ error: null })} />
      );
    }
    return this.props.children;
  }
}
