export * from './ipc-contract';
