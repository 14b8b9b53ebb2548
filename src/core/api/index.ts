export * from './account-api';
export * from './api-contract';
export * from './api-route';
export * from './case-api';
export * from './content-api';
export * from './problem-document';
export * from './service-api';
export * from './sync-api';
