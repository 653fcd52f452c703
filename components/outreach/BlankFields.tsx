import type { OutreachMessage } from './useOutreachMessage';

/** One labelled, required field per blank of the template: what neither profile says. */
export function BlankFields({ idPrefix, outreach }: { idPrefix: string; outreach: OutreachMessage }) {
  const { rendered, pending, fills, tried, blankFields } = outreach;
  const hintId = `${idPrefix}f`;
  return (
    <fieldset className="outreach-blanks" aria-describedby={hintId}>
      <legend>Fill in before it can leave Mutual</legend>
      <p id={hintId} className="field-hint">
        Neither profile says this. Insert, Copy and the links wait until {rendered.missing.length === 1 ? 'it is' : 'each is'} filled in.
      </p>
      {rendered.missing.map((blank) => {
        const id = `${idPrefix}-${blank.name}`;
        return (
          <div className="field" key={blank.name}>
            <label htmlFor={id}>{blank.description}</label>
            <input
              id={id}
              maxLength={200}
              ref={(element) => void (element ? blankFields.set(blank.name, element) : blankFields.delete(blank.name))}
              required
              aria-invalid={tried && pending.includes(blank)}
              value={fills[blank.name] ?? ''}
              placeholder={blank.placeholder}
              onChange={(event) => outreach.setFill(blank.name, event.target.value)}
              onBlur={() => outreach.commitFill(blank)}
              onKeyDown={(event) => event.key === 'Enter' && outreach.commitFill(blank)}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
