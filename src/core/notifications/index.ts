export * from './mail-config';
export * from './notification-events';
export * from './notification-kinds';
export * from './notification-rule';
export * from './retry-policy';
