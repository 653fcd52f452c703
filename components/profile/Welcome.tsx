import { useEffect, useRef } from 'react';

const STEPS = [
  ['Your skills', 'What you can teach and what you want to learn, in your profile below.'],
  ['Your directory', 'Mutual starts with a demo directory of fictional colleagues, so you can try it now. Add your organization’s directory when you have it.'],
  ['Find partners', 'Mutual ranks colleagues who gain from you as much as you gain from them, and helps you write the first message.'],
] as const;

/**
 * The first thing a new user sees (the options page opens at #welcome once, on install): what
 * Mutual does, the three steps, and how to keep its toolbar button in view, since Chrome and Edge
 * hide new extensions behind the Extensions menu.
 */
export function Welcome({ onStart }: { onStart(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading" ref={heading} tabIndex={-1}>
        Welcome to Mutual
      </h2>
      <p className="welcome-lead">
        Mutual finds colleagues you can mentor each other with: you teach what they want to learn, they teach what you want to learn. Everything stays in
        your browser.
      </p>
      <ol className="welcome-steps">
        {STEPS.map(([title, text]) => (
          <li key={title}>
            <strong>{title}.</strong> {text}
          </li>
        ))}
      </ol>
      <h3>Keep Mutual in your toolbar</h3>
      <ul className="welcome-pin">
        <li>
          <strong>Chrome:</strong> click the puzzle-piece <em>Extensions</em> button next to the address bar, then the pin beside Mutual.
        </li>
        <li>
          <strong>Edge:</strong> click the <em>Extensions</em> button, then the eye icon beside Mutual (<em>Show in toolbar</em>).
        </li>
        <li>
          <strong>Firefox:</strong> click the <em>Extensions</em> button, then the gear beside Mutual and <em>Pin to Toolbar</em>.
        </li>
      </ul>
      <div className="button-row">
        <button type="button" className="primary" onClick={onStart}>
          Start with your profile
        </button>
      </div>
      <p className="notice welcome-next">
        <strong>Then open Mutual from the toolbar</strong> (or press Alt+Shift+M) to see your matches. This welcome is always a click away: <em>Welcome and setup tips</em> at
        the top of this page.
      </p>
    </section>
  );
}
