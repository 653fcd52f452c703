import { count } from './messages';
import type { ValidationReport } from './validate';

/**
 * One honest line about a feed, the same in the CLI and on the options page: "OK" only when every
 * row was listed, otherwise how many of how many, and what happened to the others.
 * `unit` names what was read: spreadsheet rows (CSV) or entries (JSON).
 */
export function summariseReport(report: Pick<ValidationReport, 'total' | 'valid' | 'rejected' | 'notOptedIn' | 'expired' | 'duplicates'>, unit: 'row' | 'entry' = 'row'): string {
  const plural = unit === 'entry' ? 'entries' : 'rows';
  if (!report.total) return `Nothing to list: no ${plural} with data`;
  if (report.valid === report.total) return `OK: ${report.total === 1 ? `the one ${unit}` : `all ${count(report.total, unit, plural)}`} listed`;
  const parts = [`${report.valid} of ${count(report.total, unit, plural)} listed`];
  if (report.rejected) parts.push(`${report.rejected} rejected`);
  if (report.notOptedIn) parts.push(`${report.notOptedIn} not opted in`);
  if (report.expired) parts.push(`${report.expired} expired`);
  if (report.duplicates) parts.push(count(report.duplicates, 'duplicate'));
  return parts.join(', ');
}
