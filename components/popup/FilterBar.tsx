import { MEETING_FORMATS, type MeetingFormat } from '@/lib/profile/model';

export interface Filters {
  erg?: string;
  department?: string;
  format?: MeetingFormat;
  language?: string;
  location?: 'remote' | 'same';
}

export interface FilterChoices {
  ergs: readonly string[];
  departments: readonly string[];
  languages: readonly string[];
}

const FORMAT_LABELS: Record<MeetingFormat, string> = { video: 'Video', 'in-person': 'In person', chat: 'Chat', phone: 'Phone' };

export function FilterBar({ filters, choices, onChange }: { filters: Filters; choices: FilterChoices; onChange(filters: Filters): void }) {
  const set = <K extends keyof Filters>(key: K, value: string) =>
    onChange({ ...filters, [key]: value === '' ? undefined : (value as Filters[K]) });
  return (
    <div className="filters" role="group" aria-label="Filters">
      <ChoiceFilter label="ERG" any="Any ERG" value={filters.erg} choices={choices.ergs} onChange={(value) => set('erg', value)} />
      <ChoiceFilter label="Department" any="Any department" value={filters.department} choices={choices.departments} onChange={(value) => set('department', value)} />
      <label>
        Meeting format
        <select value={filters.format ?? ''} onChange={(e) => set('format', e.target.value)}>
          <option value="">Any format</option>
          {MEETING_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
      </label>
      <ChoiceFilter label="Language" any="Any shared language" value={filters.language} choices={choices.languages} onChange={(value) => set('language', value)} />
      <label>
        Location
        <select value={filters.location ?? ''} onChange={(e) => set('location', e.target.value)}>
          <option value="">Anywhere</option>
          <option value="same">Same location as me</option>
          <option value="remote">Remote (other locations)</option>
        </select>
      </label>
    </div>
  );
}

/** A filter over values seen in the directory; the empty choice means any. */
function ChoiceFilter(props: { label: string; any: string; value: string | undefined; choices: readonly string[]; onChange(value: string): void }) {
  return (
    <label>
      {props.label}
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.any}</option>
        {props.choices.map((choice) => (
          <option key={choice}>{choice}</option>
        ))}
      </select>
    </label>
  );
}

export function activeFilterCount(filters: Filters): number {
  return Object.values(filters).filter((value) => value !== undefined).length;
}
