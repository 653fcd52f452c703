import { describe, expect, it } from 'vitest';
import { chooseFrame, type FrameProbe } from '../../../lib/insert';

const probe = (frameId: number, field: FrameProbe['field'], focused = false) => ({ frameId, probe: { field, focused } });

describe('chooseFrame', () => {
  it('takes the top frame when its focus chain (through same-origin frames) ends in a field', () => {
    // The inner frame still reports its old field: the top frame's chain is the real one.
    expect(chooseFrame([probe(0, 'ok', true), probe(3, 'ok')])).toEqual({ frameId: 0 });
  });

  it('goes into a frame the top cannot read, preferring the one with focus', () => {
    expect(chooseFrame([probe(0, 'cross-origin', true), probe(4, 'ok'), probe(5, 'ok', true)])).toEqual({ frameId: 5 });
    expect(chooseFrame([probe(0, 'cross-origin'), probe(4, 'ok')])).toEqual({ frameId: 4 });
  });

  it('ignores an inner frame’s stale field when the top has focus elsewhere', () => {
    expect(chooseFrame([probe(0, 'no-focus', true), probe(4, 'ok')])).toEqual({ reason: 'no-focus' });
  });

  it('says why nothing can take the text', () => {
    expect(chooseFrame([probe(0, 'read-only')])).toEqual({ reason: 'read-only' });
    expect(chooseFrame([probe(0, 'cross-origin')])).toEqual({ reason: 'cross-origin' });
    expect(chooseFrame([probe(0, 'no-focus'), probe(2, 'read-only')])).toEqual({ reason: 'read-only' });
    expect(chooseFrame([])).toEqual({ reason: 'no-focus' });
  });

  it('uses the one frame it was given (a context-menu click names its frame)', () => {
    expect(chooseFrame([probe(7, 'ok')])).toEqual({ frameId: 7 });
  });
});
