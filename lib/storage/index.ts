export { openMutualDb } from './db';
