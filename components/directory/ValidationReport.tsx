import type { StoredReport } from '@/lib/directory';

function countLine(report: StoredReport): string {
  const parts = [`${report.valid} accepted of ${report.total} read`, `${report.rejected} rejected`, `${report.notOptedIn} not opted in`, `${report.expired} expired`, `${report.duplicates} duplicates`];
  return parts.join(', ');
}

/** The last validation of one source: counts, warnings and the rejected rows, all as text. */
export function ValidationReport({ report, label }: { report: StoredReport; label: string }) {
  const issues = report.invalid;
  return (
    <div className="directory-report">
      <p>{countLine(report)}</p>
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
            Problems in rejected entries ({issues.length + report.invalidOmitted})
          </summary>
          <table className="directory-issues">
            <caption>Rejected entries in {label}</caption>
            <thead>
              <tr>
                <th scope="col">{'row' in issues[0]! ? 'Row' : 'Entry'}</th>
                <th scope="col">Field</th>
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
