export * from './case-change';
export * from './case-event';
export * from './case-record';
export * from './case-reducer';
export * from './case-sla-facts';
export * from './case-vocabulary';
export * from './first-response';
export * from './major-incident';
