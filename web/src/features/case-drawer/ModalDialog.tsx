import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** Marks a direct child of <body> that a modal dialog leaves usable, such as live alerts. */
export const STAYS_LIVE_UNDER_DIALOGS = 'data-stays-live-under-dialogs';

function focusablesIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.closest('[inert]'));
}

interface ModalDialogProps {
  /** The id of the element that names the dialog (its heading). */
  labelledBy: string;
  className: string;
  /** Escape and the backdrop ask to close; the owner decides (usually by navigating away). */
  onClose(): void;
  /**
   * Where focus goes after the dialog is gone when the element that opened it no longer exists,
   * e.g. the card of a case opened from a deep link.
   */
  fallbackFocus?: () => HTMLElement | null;
  /** What gets focus on opening; the first focusable element when not given. */
  initialFocus?: () => HTMLElement | null;
  children: ReactNode;
}

/**
 * A modal dialog over the page: the page behind is inert, Tab cycles inside, Escape closes, and
 * focus returns to whatever opened it. Inner widgets that use Escape themselves (an open
 * suggestion list) call `preventDefault()` so the dialog stays open.
 */
export function ModalDialog({ labelledBy, className, onClose, fallbackFocus, initialFocus, children }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const fallbackRef = useRef(fallbackFocus);
  fallbackRef.current = fallbackFocus;

  useLayoutEffect(() => {
    const dialog = dialogRef.current!;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const host = dialog.parentElement!;
    const madeInert = [...document.body.children].filter(
      (element) => element !== host && !element.hasAttribute('inert') && !element.hasAttribute(STAYS_LIVE_UNDER_DIALOGS),
    );
    madeInert.forEach((element) => element.setAttribute('inert', ''));
    // Focus that lands outside (a click on the page's edge, a script) is brought back.
    const keepInside = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) (focusablesIn(dialog)[0] ?? dialog).focus();
    };
    (initialFocus?.() ?? focusablesIn(dialog)[0] ?? dialog).focus();
    document.addEventListener('focusin', keepInside);
    return () => {
      // In this order: focus can only go back out once nothing pulls it in any more.
      document.removeEventListener('focusin', keepInside);
      madeInert.forEach((element) => element.removeAttribute('inert'));
      const target = opener?.isConnected ? opener : fallbackRef.current?.();
      target?.focus();
    };
    // Once per opening: later renders must not pull focus back to the start.
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = focusablesIn(dialogRef.current!);
    if (focusables.length === 0) return;
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    if (event.shiftKey && (document.activeElement === first || document.activeElement === dialogRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="modal-layer">
      <div className="modal-layer__backdrop" onClick={onClose} aria-hidden="true" />
      <div ref={dialogRef} className={className} role="dialog" aria-modal="true" aria-labelledby={labelledBy} tabIndex={-1} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>,
    document.body,
  );
}
