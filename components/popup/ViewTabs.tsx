import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Tabs in the WAI-ARIA pattern: one tab stop, arrow keys (and Home/End) move between tabs and
 * select them, the panel is labelled by its tab.
 */
export function ViewTabs<V extends string>(props: {
  label: string;
  views: readonly (readonly [V, string])[];
  selected: V;
  onSelect(view: V): void;
  children: ReactNode;
}) {
  const { views, selected, onSelect } = props;
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const at = Math.max(0, views.findIndex(([view]) => view === selected));

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: views.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + views.length) % views.length;
    onSelect(views[next]![0]);
    tabs.current[next]?.focus();
  }

  return (
    <>
      <div className="popup-tabs" role="tablist" aria-label={props.label} onKeyDown={onKeyDown}>
        {views.map(([view, label], i) => (
          <button
            key={view}
            ref={(element) => void (tabs.current[i] = element)}
            id={`tab-${view}`}
            type="button"
            role="tab"
            aria-selected={view === selected}
            aria-controls={`panel-${view}`}
            tabIndex={view === selected ? 0 : -1}
            onClick={() => onSelect(view)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="popup-panel" role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`}>
        {props.children}
      </div>
    </>
  );
}
