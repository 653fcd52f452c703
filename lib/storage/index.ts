export * from './db';
export { DATA_WRITE_LOCK, withDataWriteLock } from './lock';
