import { describe, expect, it } from 'vitest';
import { emptyReport } from '../../../lib/directory/validate';
import { ISSUES_KEPT, ISSUES_PER_KIND, WARNINGS_KEPT, cappedReport, omittedIssues, recordIssue } from '../../../lib/directory/report';
import { storedReport } from '../../../lib/directory/sync-validate';

describe('what a report keeps', () => {
  it('keeps the first issues of each kind, up to the total, and counts the rest', () => {
    const report = emptyReport();
    for (let row = 2; row < 100_002; row++) {
      recordIssue(report, { row, field: 'email', message: 'Not a valid email address' });
      recordIssue(report, { row, field: row % 2 ? 'careerStage' : 'teach', message: 'Not known' });
    }
    expect(report.invalid.filter((issue) => issue.field === 'email')).toHaveLength(ISSUES_PER_KIND);
    const kinds = Object.groupBy(report.invalid, (issue) => issue.field);
    expect(Object.fromEntries(Object.entries(kinds).map(([kind, issues]) => [kind, issues!.length]))).toEqual({ email: ISSUES_PER_KIND, teach: ISSUES_PER_KIND, careerStage: ISSUES_PER_KIND });
    expect(report.invalid.slice(0, 2)).toEqual([{ row: 2, field: 'email', message: 'Not a valid email address' }, { row: 2, field: 'teach', message: 'Not known' }]);
    expect(report.invalid).toHaveLength(ISSUES_PER_KIND * 3);
    expect(omittedIssues(report)).toBe(200_000 - ISSUES_PER_KIND * 3);
  });

  it('never keeps more than the total, however many kinds', () => {
    const report = emptyReport();
    for (let i = 0; i < 1000; i++) recordIssue(report, { index: i, field: `field${i}`, message: 'x' });
    expect(report.invalid).toHaveLength(ISSUES_KEPT);
    expect(omittedIssues(report)).toBe(1000 - ISSUES_KEPT);
  });

  it('caps a report built without it when it is stored, keeping first of each kind, and says how many warnings were left out', () => {
    const report = emptyReport();
    for (let row = 2; row < 5002; row++) report.invalid.push({ row, field: row < 100 ? 'name' : 'email', message: 'bad' });
    for (let i = 0; i < 50; i++) report.warnings.push(`Row ${i}: odd quote`);
    const stored = storedReport(report);
    expect(stored.invalid).toHaveLength(ISSUES_PER_KIND * 2);
    expect(stored.invalid[0]).toEqual({ row: 2, field: 'name', message: 'bad' });
    expect(stored.invalidOmitted).toBe(5000 - ISSUES_PER_KIND * 2);
    expect(stored.warnings).toHaveLength(WARNINGS_KEPT);
    expect(stored.warnings.at(-1)).toBe(`${50 - WARNINGS_KEPT + 1} more warnings not shown.`);
    expect(cappedReport(emptyReport())).toEqual({ ...emptyReport(), invalidOmitted: 0 });
  });
});
