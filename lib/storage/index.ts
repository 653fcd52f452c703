export { openMutualDb, StorageError, type MutualDatabase } from './db';
