import type { ReactNode } from 'react';

export interface SectionProps {
  /** The fragment the page's navigation links to. */
  id: string;
  title: string;
  children: ReactNode;
  className?: string;
}

/**
 * A top-level page section named by its heading. It takes focus when the page's navigation links
 * to it (tabIndex -1), so keyboard users continue from there.
 */
export function Section({ id, title, children, className }: SectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} tabIndex={-1} aria-labelledby={headingId} className={['page-section', className].filter(Boolean).join(' ')}>
      <h2 id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
