export * from './audit-entry';
export * from './faq-article';
export * from './localized-content';
export * from './municipality-directory';
export * from './notice';
export * from './reply-template';
export * from './statement';
