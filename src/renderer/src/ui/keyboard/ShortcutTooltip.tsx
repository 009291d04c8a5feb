import { Tooltip } from '@mui/material';
import type { ReactElement } from 'react';
import { ariaKeyShortcuts, shortcutLabel, type Shortcut } from './matchesShortcut';

type ShortcutTooltipProps = {
  shortcut: Shortcut;
  /** The translated hint around the keys as this platform prints them ("Save (Ctrl+S)"). */
  title: (keys: string) => string;
  children: ReactElement;
};

/**
 * Shows a control's shortcut where users look for it: a tooltip on hover and keyboard focus, and
 * `aria-keyshortcuts` for screen readers. The hint describes the control and does not rename it, so
 * the button is still called "Save".
 */
export function ShortcutTooltip({ shortcut, title, children }: ShortcutTooltipProps) {
  return (
    <Tooltip
      title={title(shortcutLabel(shortcut))}
      describeChild
      aria-keyshortcuts={ariaKeyShortcuts(shortcut)}
    >
      {children}
    </Tooltip>
  );
}
