import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';
import type { Route } from '../stores/route-store';

/**
 * After moving to another screen, focus goes to the main region (so keyboard and screen-reader
 * users start at the new content, not in the old header position) and the page title names
 * the screen (WCAG 2.4.2).
 */
export function useRouteFocus(route: Route): void {
  const t = useT();
  const first = useRef(true);
  const key = route.name === 'case' ? `case:${route.caseId}` : route.name;
  useEffect(() => {
    const screen =
      route.name === 'intake'
        ? t('nav.intake')
        : route.name === 'case'
          ? t('case.number')
          : t('nav.board');
    document.title = `${screen} – ${t('app.name')}`;
  }, [route.name, t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [key]);
}
