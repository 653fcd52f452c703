import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ValidationReport } from '../../../components/directory/ValidationReport';
import type { StoredReport } from '../../../lib/directory';

const report = (overrides: Partial<StoredReport>): StoredReport => ({
  total: 7,
  valid: 7,
  rejected: 0,
  invalid: [],
  invalidOmitted: 0,
  notOptedIn: 0,
  expired: 0,
  duplicates: 0,
  warnings: [],
  ...overrides,
});

describe('the validation report on the options page', () => {
  it('says OK only when every row was listed', () => {
    render(<ValidationReport report={report({})} label="Feed" />);
    expect(screen.getByText('OK: all 7 rows listed')).toBeTruthy();
  });

  it('says how many of how many otherwise, with grammatical counts', () => {
    render(<ValidationReport report={report({ valid: 4, rejected: 1, notOptedIn: 1, duplicates: 1, invalid: [{ row: 3, field: 'Seniority', message: "'Sr. Wizard' is not a career stage Mutual knows" }] })} label="Feed" />);
    expect(screen.getByText('4 of 7 rows listed, 1 rejected, 1 not opted in, 1 duplicate')).toBeTruthy();
    expect(screen.getByText('1 problem in rejected rows')).toBeTruthy();
  });

  it('names entries and fields for a JSON feed', () => {
    render(<ValidationReport report={report({ total: 2, valid: 1, rejected: 1, invalid: [{ index: 1, field: 'teach.0.level', message: "'guru' is not a skill level" }] })} label="Feed" />);
    expect(screen.getByText('1 of 2 entries listed, 1 rejected')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Rejected entries in Feed' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Entry', 'Field', 'Problem']);
  });
});
