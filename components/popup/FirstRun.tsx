import { useId, useState, type FormEvent } from 'react';
import { CAREER_STAGE_LABELS, CAREER_STAGES, type CareerStage, type Profile } from '@/lib/profile/model';
import { errorMessage } from '@/lib/errors';

function splitSkills(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part && !seen.has(part.toLowerCase()) && seen.add(part.toLowerCase()));
}

/** Applies the quick start to a profile: the same profile the options page edits. */
function applyQuickStart(
  profile: Profile,
  input: { name: string; careerStage: CareerStage; teach: string; learn: string; objective?: string; successMeasure?: string },
  now: Date,
): Profile {
  return {
    ...profile,
    goals: {
      ...profile.goals,
      objective: input.objective?.trim() || profile.goals.objective,
      successMeasure: input.successMeasure?.trim() || profile.goals.successMeasure,
    },
    name: input.name.trim() || profile.name,
    careerStage: input.careerStage,
    teach: splitSkills(input.teach).slice(0, 10).map((name) => ({ name, level: 'advanced' as const })),
    learn: splitSkills(input.learn).slice(0, 10).map((name) => ({ name, priority: 'high' as const, ask: '' })),
    updatedAt: now.toISOString(),
  };
}

interface Props {
  profile: Profile;
  onSave(profile: Profile): Promise<void>;
  onOpenOptions(): void;
}

export function FirstRun({ profile, onSave, onOpenOptions }: Props) {
  const [name, setName] = useState(profile.name);
  const [careerStage, setCareerStage] = useState<CareerStage>(profile.careerStage);
  const [teach, setTeach] = useState('');
  const [learn, setLearn] = useState('');
  const [objective, setObjective] = useState(profile.goals.objective);
  const [successMeasure, setSuccessMeasure] = useState(profile.goals.successMeasure);
  const goalHintId = useId();
  const [error, setError] = useState('');
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (splitSkills(teach).length === 0 && splitSkills(learn).length === 0) {
      setError('Add at least one skill you can teach or want to learn.');
      return;
    }
    setError('');
    try {
      await onSave(applyQuickStart(profile, { name, careerStage, teach, learn, objective, successMeasure }, new Date()));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <section className="first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">Welcome to Mutual</h2>
      <p>Tell Mutual what you can teach and what you want to learn, and it finds colleagues who gain from you as much as you gain from them.</p>
      <button type="button" className="primary" onClick={onOpenOptions}>
        Set up my full profile
      </button>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Or start quickly</legend>
          <label>
            Your name
            <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          </label>
          <label>
            Career stage
            <select value={careerStage} onChange={(e) => setCareerStage(e.target.value as CareerStage)}>
              {CAREER_STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {CAREER_STAGE_LABELS[stage]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Skills you can teach (separate with commas)
            <input value={teach} onChange={(e) => setTeach(e.target.value)} placeholder="TikTok, Canva, ChatGPT" aria-describedby={error ? errorId : undefined} />
          </label>
          <label>
            Skills you want to learn (separate with commas)
            <input value={learn} onChange={(e) => setLearn(e.target.value)} placeholder="Budgeting, board governance" aria-describedby={error ? errorId : undefined} />
          </label>
          <p id={goalHintId} className="field-hint">
            Your first-meeting message proposes these; you can change them later.
          </p>
          <label>
            What you want from a mentoring partnership
            <input value={objective} onChange={(e) => setObjective(e.target.value)} maxLength={300} placeholder="Each of us gets confident in one new skill" aria-describedby={goalHintId} />
          </label>
          <label>
            How you will know it worked
            <input value={successMeasure} onChange={(e) => setSuccessMeasure(e.target.value)} maxLength={300} placeholder="I present a budget on my own" aria-describedby={goalHintId} />
          </label>
          {error && (
            <p id={errorId} className="error-text" role="alert">
              {error}
            </p>
          )}
          <button type="submit">Show my matches</button>
        </fieldset>
      </form>
    </section>
  );
}
