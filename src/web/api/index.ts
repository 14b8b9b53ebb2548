export * from './api-client';
export * from './api-error';
export * from './failure-text';
export * from './server-address';
export * from './sso-flow';
