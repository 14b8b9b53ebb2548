/** The local store: Dexie schema, the case repository and its React hooks. */
export * from './case-changes';
export * from './case-queries';
export * from './case-rebase';
export * from './case-repository';
export * from './case-search-index';
export * from './event-log';
export * from './local-errors';
export * from './local-records';
export * from './outbox-reads';
export * from './requester-search';
export * from './saksbord-db';
export * from './use-local-data';
export * from './use-store-query';
