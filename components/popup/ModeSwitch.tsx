import { MATCH_MODES, type MatchMode } from '@/lib/profile/model';

const LABELS: Record<MatchMode, { label: string; hint: string }> = {
  'two-way': { label: 'Two-way', hint: 'Both of you teach and learn' },
  reverse: { label: 'Reverse', hint: 'Across the seniority gap, junior teaches senior' },
  traditional: { label: 'Traditional', hint: 'Senior teaches junior' },
};

export function ModeSwitch({ mode, onChange }: { mode: MatchMode; onChange(mode: MatchMode): void }) {
  return (
    <fieldset className="mode-switch" style={{ margin: 0, padding: 0 }}>
      <legend className="visually-hidden">Matching mode</legend>
      {MATCH_MODES.map((value) => (
        <label key={value} title={LABELS[value].hint}>
          <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => onChange(value)} />
          {LABELS[value].label}
        </label>
      ))}
    </fieldset>
  );
}
