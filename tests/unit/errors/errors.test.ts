import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../lib/errors';

describe('errorMessage', () => {
  it('gives an Error’s message without its name or stack', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
  });

  it('gives anything else thrown as text', () => {
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
