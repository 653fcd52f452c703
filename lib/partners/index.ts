export * from './model';
export { loadPartners, updatePartner, logOutreach, loadOutreachLog } from './store';
