export * from './config-error';
export * from './default-problem-categories';
export * from './default-service-config';
export * from './localized-text';
export * from './municipality-config';
export * from './parse-service-config';
export * from './problem-category';
export * from './service-config';
