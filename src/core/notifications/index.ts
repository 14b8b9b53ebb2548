export * from './inbound-mail-rules';
export * from './mail-config';
export * from './mail-history';
export * from './mail-templates';
export * from './notification-events';
export * from './notification-kinds';
export * from './notification-rule';
export * from './retry-policy';
