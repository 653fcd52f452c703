/** Placeholder until the template manager lands (issue 7). */
export function TemplatesSection() {
  return <h2>Templates</h2>;
}
