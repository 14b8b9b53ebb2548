/** The sync engine, its transports, status store and session guard. */
export * from './apply-server-changes';
export * from './http-transport';
export * from './session-guard';
export * from './sync-engine';
export * from './sync-status';
export * from './sync-transport';
