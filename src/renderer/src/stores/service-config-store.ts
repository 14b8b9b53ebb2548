import { createServiceCalendar, type ServiceCalendar } from '@core/calendar/index';
import { defaultServiceConfig, type ServiceConfig, serviceConfigSchema } from '@core/config/index';
import { create } from 'zustand';

interface ServiceConfigState {
  config: ServiceConfig;
  /** The calendar built from `config.calendar`; rebuilt only when the config changes. */
  calendar: ServiceCalendar;
  setConfig: (config: ServiceConfig) => void;
}

const storageKey = 'saksbord.serviceConfig';

/** The last configuration the server gave, so the banner and SLA are right offline. */
function cachedConfig(): ServiceConfig {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey);
    if (raw) return serviceConfigSchema.parse(JSON.parse(raw));
  } catch {
    // A stale or corrupt cache falls back to the seed's defaults.
  }
  return defaultServiceConfig;
}

const initial = cachedConfig();

/** The service's configuration (calendar, SLA targets, municipalities, categories, alerts). */
export const useServiceConfigStore = create<ServiceConfigState>((set) => ({
  config: initial,
  calendar: createServiceCalendar(initial.calendar),
  setConfig: (config) => {
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(config));
    set({ config, calendar: createServiceCalendar(config.calendar) });
  },
}));
