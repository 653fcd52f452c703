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
      <label>
        ERG
        <select value={filters.erg ?? ''} onChange={(e) => set('erg', e.target.value)}>
          <option value="">Any ERG</option>
          {choices.ergs.map((erg) => (
            <option key={erg}>{erg}</option>
          ))}
        </select>
      </label>
      <label>
        Department
        <select value={filters.department ?? ''} onChange={(e) => set('department', e.target.value)}>
          <option value="">Any department</option>
          {choices.departments.map((department) => (
            <option key={department}>{department}</option>
          ))}
        </select>
      </label>
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
      <label>
        Language
        <select value={filters.language ?? ''} onChange={(e) => set('language', e.target.value)}>
          <option value="">Any shared language</option>
          {choices.languages.map((language) => (
            <option key={language}>{language}</option>
          ))}
        </select>
      </label>
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

export function activeFilterCount(filters: Filters): number {
  return Object.values(filters).filter((value) => value !== undefined).length;
}
