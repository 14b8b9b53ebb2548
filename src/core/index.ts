/** Saksbord's domain rules. Pure: no I/O, no clock reads, no DOM, no Node APIs. */
export const ORGANISATION_TIME_ZONE = 'Europe/Oslo';
export * from './calendar/index';
export * from './config/index';
export * from './content/index';
export * from './i18n/index';
export * from './priority/index';
export * from './rules/index';
export * from './sla/index';
