export * from './db';
export {  withDataWriteLock } from './lock';
