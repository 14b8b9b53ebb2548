export * from './priority-classifier';
export * from './priority-definition';
export * from './priority-question';
