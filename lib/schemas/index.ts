export * from './api.ts';
export * from './entities.ts';
