/** Placeholder until the directory settings land (issue 4). */
export function DirectorySection() {
  return <h2>Directory</h2>;
}
