import { summariseReport, type StoredReport } from '@/lib/directory';

/** A CSV report names spreadsheet rows and columns; a JSON report names entries and fields. */
function isRows(report: StoredReport): boolean {
  const first = report.invalid[0];
  return first ? 'row' in first : true;
}

/** The last validation of one source: an honest summary, warnings and the rejected rows, all as text. */
export function ValidationReport({ report, label }: { report: StoredReport; label: string }) {
  const issues = report.invalid;
  const rows = isRows(report);
  const problems = issues.length + report.invalidOmitted;
  return (
    <div className="directory-report">
      <p>{summariseReport(report, rows ? 'row' : 'entry')}</p>
      {report.warnings.length > 0 && (
        <ul className="directory-warnings">
          {report.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {issues.length > 0 && (
        <details>
          <summary>
            {problems === 1 ? '1 problem' : `${problems} problems`} in rejected {rows ? 'rows' : 'entries'}
          </summary>
          <table className="directory-issues">
            <caption>Rejected {rows ? 'rows' : 'entries'} in {label}</caption>
            <thead>
              <tr>
                <th scope="col">{rows ? 'Row' : 'Entry'}</th>
                <th scope="col">{rows ? 'Column' : 'Field'}</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue, i) => (
                <tr key={i}>
                  <td>{'row' in issue ? issue.row : issue.index}</td>
                  <td>{issue.field}</td>
                  <td>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.invalidOmitted > 0 && <p className="muted">…and {report.invalidOmitted} more. Run `mutual directory check` on the file for the full list.</p>}
        </details>
      )}
    </div>
  );
}
