import { useRef, useState } from 'react';
import { Field } from '@/components/ui/Field';
import { SkillInput } from '@/components/ui/SkillInput';
import {
  learnRow,
  MAX_SKILLS,
  PRIORITIES,
  SKILL_LEVELS,
  teachRow,
  type LearnRow,
  type Priority,
  type SkillLevel,
  type TeachRow,
} from '@/lib/profile';
import type { SkillSuggestion } from '@/lib/skills';
import { describeSkillText } from './useSkillSearch';

const LEVEL_LABELS: Record<SkillLevel, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced', expert: 'Expert' };
const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', medium: 'Medium', high: 'High' };

interface RowsProps<Row> {
  rows: readonly Row[];
  onChange: (rows: Row[]) => void;
  errorFor: (path: string) => string | undefined;
  suggest: (query: string) => SkillSuggestion[];
}

// Each row's labels end in a hidden " (row n)", so every control has its own name; the leading
// space keeps the name the same whether or not a browser puts a space around the hidden span.

/** Row list mechanics shared by both sides: add (focus goes to the new skill), change, remove (focus goes to Add). */
function useRows<Row extends { key: string }>({ rows, onChange }: Pick<RowsProps<Row>, 'rows' | 'onChange'>, make: () => Row) {
  const [focusKey, setFocusKey] = useState<string>();
  const addButton = useRef<HTMLButtonElement>(null);
  return {
    focusKey,
    addButton,
    add() {
      const row = make();
      setFocusKey(row.key);
      onChange([...rows, row]);
    },
    change(key: string, patch: Partial<Row>) {
      onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
    },
    remove(key: string) {
      onChange(rows.filter((row) => row.key !== key));
      addButton.current?.focus();
    },
  };
}

function RemoveButton({ name, row, onClick }: { name: string; row: number; onClick: () => void }) {
  return (
    <button type="button" className="row-remove" onClick={onClick}>
      Remove<span className="visually-hidden"> {name.trim() || `row ${row}`}</span>
    </button>
  );
}

export function TeachRows(props: RowsProps<TeachRow>) {
  const rows = useRows(props, () => teachRow());
  return (
    <>
      <ul className="skill-rows">
        {props.rows.map((row, i) => (
          <li key={row.key} className="skill-row teach">
            <Field
              label={<>Skill<span className="visually-hidden"> to teach (row {i + 1})</span></>}
              hint={describeSkillText(row.name)}
              error={props.errorFor(`teach.${row.key}.name`)}
            >
              {(control) => (
                <SkillInput
                  {...control}
                  name={`teach.${row.key}.name`}
                  value={row.name}
                  onChange={(name) => rows.change(row.key, { name })}
                  suggest={props.suggest}
                  autoFocus={row.key === rows.focusKey}
                />
              )}
            </Field>
            <Field label={<>Level<span className="visually-hidden"> (row {i + 1})</span></>}>
              {(control) => (
                <select {...control} name={`teach.${row.key}.level`} value={row.level} onChange={(event) => rows.change(row.key, { level: event.target.value as SkillLevel })}>
                  {SKILL_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {LEVEL_LABELS[level]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <RemoveButton name={row.name} row={i + 1} onClick={() => rows.remove(row.key)} />
          </li>
        ))}
      </ul>
      <button type="button" ref={rows.addButton} onClick={rows.add} disabled={props.rows.length >= MAX_SKILLS}>
        Add a skill to teach
      </button>
    </>
  );
}

export function LearnRows(props: RowsProps<LearnRow>) {
  const rows = useRows(props, () => learnRow());
  return (
    <>
      <ul className="skill-rows">
        {props.rows.map((row, i) => (
          <li key={row.key} className="skill-row learn">
            <Field
              label={<>Skill<span className="visually-hidden"> to learn (row {i + 1})</span></>}
              hint={describeSkillText(row.name)}
              error={props.errorFor(`learn.${row.key}.name`)}
            >
              {(control) => (
                <SkillInput
                  {...control}
                  name={`learn.${row.key}.name`}
                  value={row.name}
                  onChange={(name) => rows.change(row.key, { name })}
                  suggest={props.suggest}
                  autoFocus={row.key === rows.focusKey}
                />
              )}
            </Field>
            <Field label={<>Priority<span className="visually-hidden"> (row {i + 1})</span></>}>
              {(control) => (
                <select {...control} name={`learn.${row.key}.priority`} value={row.priority} onChange={(event) => rows.change(row.key, { priority: event.target.value as Priority })}>
                  {PRIORITIES.map((priority) => (
                    <option key={priority} value={priority}>
                      {PRIORITY_LABELS[priority]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              className="skill-ask"
              label={<>Concrete ask<span className="visually-hidden"> (row {i + 1})</span></>}
              error={props.errorFor(`learn.${row.key}.ask`)}
            >
              {(control) => (
                <input
                  {...control}
                  name={`learn.${row.key}.ask`}
                  value={row.ask}
                  placeholder="be able to run our TikTok account"
                  onChange={(event) => rows.change(row.key, { ask: event.target.value })}
                />
              )}
            </Field>
            <RemoveButton name={row.name} row={i + 1} onClick={() => rows.remove(row.key)} />
          </li>
        ))}
      </ul>
      <button type="button" ref={rows.addButton} onClick={rows.add} disabled={props.rows.length >= MAX_SKILLS}>
        Add a skill to learn
      </button>
    </>
  );
}
