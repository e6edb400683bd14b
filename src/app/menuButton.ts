/**
 * The WAI-ARIA menu button pattern, for the top bar's menus (Templates, Export): the button opens the
 * menu with Enter, Space, click or ArrowDown (focus on the first item) or ArrowUp (the last); in the
 * menu ArrowDown/ArrowUp move (wrapping), Home/End jump, Enter/Space activate (the items are
 * buttons), Esc closes and puts focus back on the button, Tab closes and moves on; clicking or
 * focusing elsewhere closes it.
 */
import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import './menu.css';

/** Where focus goes in a list of `n` items from `at` (-1: none) on `key`; undefined: not a moving key. */
export function nextIndex(key: string, at: number, n: number): number | undefined {
  if (n === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return at < 0 ? 0 : (at + 1) % n;
    case 'ArrowUp':
      return at < 0 ? n - 1 : (at - 1 + n) % n;
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    default:
      return undefined;
  }
}

export function useMenuButton(id: string) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    const list = items();
    (focusOnOpen.current === 'last' ? list[list.length - 1] : list[0])?.focus();
  }, [open]);

  const show = (where: 'first' | 'last') => {
    focusOnOpen.current = where;
    setOpen(true);
  };
  /** Closes the menu; after a choice or Esc, focus goes back to the button. */
  const close = useCallback((refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  const buttonProps = {
    ref: button,
    id: `${id}-button`,
    'aria-haspopup': 'menu' as const,
    'aria-expanded': open,
    'aria-controls': open ? `${id}-menu` : undefined,
    onClick: () => (open ? setOpen(false) : show('first')),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        show(e.key === 'ArrowUp' ? 'last' : 'first');
      }
    },
  };

  const menuProps = {
    ref: menu,
    id: `${id}-menu`,
    role: 'menu' as const,
    'aria-labelledby': `${id}-button`,
    onKeyDown: (e: KeyboardEvent) => {
      const list = items();
      const to = nextIndex(e.key, list.indexOf(document.activeElement as HTMLElement), list.length);
      if (to !== undefined) {
        e.preventDefault();
        list[to].focus();
        return;
      }
      // Esc belongs to the menu here, not to the editor's shortcuts (which would clear the selection).
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close();
      }
      if (e.key === 'Tab') setOpen(false);
    },
  };

  /** On the element holding button and menu: focus moving out of both closes the menu. */
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
  };

  return { open, close, buttonProps, menuProps, onBlur };
}
