export * from './message-template';
