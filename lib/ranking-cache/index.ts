export { rankingKey } from './model';
export { loadLastRanking, loadLastResults, saveLastResults } from './store';
