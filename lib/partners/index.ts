export * from './model';
export { loadPartners, updatePartner, logOutreach, loadOutreachLog, type LoggedOutreach } from './store';
