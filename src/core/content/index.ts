export * from './faq-article';
export * from './notice';
