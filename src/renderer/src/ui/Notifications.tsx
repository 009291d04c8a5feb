import { Alert, Button, Snackbar } from '@mui/material';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

export type Notification = {
  message: string;
  severity: 'success' | 'info' | 'warning' | 'error';
  /** One button beside the message, such as Undo; the notification closes when it is used. */
  action?: { label: string; onClick: () => void };
};

type Notify = (notification: Notification) => void;

const NotifyContext = createContext<Notify | null>(null);

/** Tells the user the outcome of an action, one message at a time, in a polite live region. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<Notification | null>(null);
  const [isOpen, setIsOpen] = useState(false);
  const notify = useCallback<Notify>((notification) => {
    setCurrent(notification);
    setIsOpen(true);
  }, []);
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Snackbar
        open={isOpen}
        autoHideDuration={current?.severity === 'error' ? null : current?.action ? 10_000 : 6000}
        onClose={(_event, reason) => reason !== 'clickaway' && setIsOpen(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          severity={current?.severity ?? 'info'}
          variant="filled"
          onClose={() => setIsOpen(false)}
          role={current?.severity === 'error' ? 'alert' : 'status'}
          action={
            current?.action ? (
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  setIsOpen(false);
                  current.action?.onClick();
                }}
              >
                {current.action.label}
              </Button>
            ) : undefined
          }
        >
          {current?.message}
        </Alert>
      </Snackbar>
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notify {
  const notify = useContext(NotifyContext);
  if (!notify) throw new Error('useNotify must be used inside <NotificationsProvider>');
  return notify;
}
