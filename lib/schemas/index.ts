export * from './admin-api.ts';
export * from './api.ts';
export * from './collections.ts';
export * from './entities.ts';
export * from './live.ts';
export * from './signin.ts';
