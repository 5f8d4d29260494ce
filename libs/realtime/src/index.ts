export * from './topics';
export * from './events';
export * from './protocol';
export * from './jobs';
export * from './client';
