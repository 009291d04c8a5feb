/**
 * Overlays that take the keyboard while open: dialogs (the unsaved-changes guard, quick create),
 * menus, and a select's list. MUI renders each inside a `.MuiModal-root`, which also covers
 * modals without one of these roles.
 */
const MODAL_SELECTOR = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], .MuiModal-root';

/** Lists that float over the page without taking it over: an Autocomplete's options. */
const POPUP_SELECTOR = `${MODAL_SELECTOR}, [role="listbox"], [role="menu"], .MuiPopper-root`;

/** A combobox whose list is showing: its own keys (Esc, arrows) close or move through the list. */
const OPEN_COMBOBOX_SELECTOR = '[role="combobox"][aria-expanded="true"]';

/** Whether a key went to a dialog or menu, whose keys must not act on the page behind it. */
export function isInsideModal(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(MODAL_SELECTOR) !== null;
}

/**
 * Whether a key went to anything open over the page, including an Autocomplete whose options are
 * showing: Esc there closes that, not the form.
 */
export function isInsideOpenPopup(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    (target.closest(POPUP_SELECTOR) !== null || target.closest(OPEN_COMBOBOX_SELECTOR) !== null)
  );
}
