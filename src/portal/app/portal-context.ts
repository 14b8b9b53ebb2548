/** What every portal page needs: language, session, API, configuration, clock, navigation. */

import type { ServiceCalendar } from '@core/calendar';
import type { Locale, ServiceConfig } from '@core/config';
import { createContext, useContext } from 'react';
import type { PortalApi } from '../api/portal-api';
import type { PortalSession } from '../auth/auth-provider';
import type { Translate } from '../i18n/translate';
import type { PortalRoute } from '../logic/portal-route';

export interface PortalContextValue {
  locale: Locale;
  t: Translate;
  session: PortalSession;
  api: PortalApi;
  config: ServiceConfig;
  calendar: ServiceCalendar;
  navigate(route: PortalRoute): void;
  /**
   * Raised whenever the server says its settings changed (categories, notices, FAQ,
   * municipalities): pages that show published content fetch it again.
   */
  contentVersion?: number;
}

export const PortalContext = createContext<PortalContextValue | null>(null);

export function usePortal(): PortalContextValue {
  const value = useContext(PortalContext);
  if (!value) throw new Error('usePortal outside the signed-in portal');
  return value;
}
