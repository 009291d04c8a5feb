import { useLocation, useNavigate } from 'react-router';
import { isInsideModal } from '../ui/keyboard/isInsideOpenPopup';
import { useShortcut } from '../ui/keyboard/useShortcut';
import { newRecordPathFor } from './navigation';
import { useRegistry } from './RegistryContext';

/**
 * The keys that work on every screen. Ctrl+N opens the current section's new-record form. Ctrl+N
 * and Ctrl+F are always kept from the browser (a new window, the find bar), even where they do
 * nothing, so they never do something else by surprise; a list's filter takes Ctrl+F itself
 * (useFocusShortcut). Both listen in the capture phase, before any control can stop the key.
 */
export function useShellShortcuts(): void {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { isReadOnly } = useRegistry();

  useShortcut(
    'mod+n',
    (event) => {
      event.preventDefault();
      // A held key repeats; an open dialog (the unsaved-changes guard) must be answered first.
      if (event.repeat || isReadOnly || isInsideModal(event.target)) return;
      const path = newRecordPathFor(pathname);
      if (path && path !== pathname) void navigate(path);
    },
    { phase: 'capture' },
  );
  useShortcut('mod+f', (event) => event.preventDefault(), { phase: 'capture' });
}
