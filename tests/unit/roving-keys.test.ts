// The listbox keys of a one-Tab-stop list (client/src/lib/rovingKeys.ts): where each key takes the focus, and
// type-ahead on the items' text.
import { describe, expect, it } from 'vitest';
import { moveFor, typeAheadMatch } from '../../client/src/lib/rovingKeys.ts';

const TITLES = ['Adoption of ideas', 'Boundary work', 'Brokers in networks', 'Équipes locales', 'boundary spanning', 'Capacity'];
const text = (i: number) => TITLES[i] ?? '';

describe('moveFor', () => {
  it('moves one with the arrows, to the ends with Home/End, a page with PageUp/PageDown, never past either end', () => {
    expect(moveFor('ArrowDown', 3, 10, 4)).toEqual({ kind: 'to', index: 4 });
    expect(moveFor('ArrowUp', 3, 10, 4)).toEqual({ kind: 'to', index: 2 });
    expect(moveFor('ArrowUp', 0, 10, 4)).toEqual({ kind: 'to', index: 0 });
    expect(moveFor('ArrowDown', 9, 10, 4)).toEqual({ kind: 'to', index: 9 });
    expect(moveFor('Home', 7, 10, 4)).toEqual({ kind: 'to', index: 0 });
    expect(moveFor('End', 2, 10, 4)).toEqual({ kind: 'to', index: 9 });
    expect(moveFor('PageDown', 2, 10, 4)).toEqual({ kind: 'to', index: 6 });
    expect(moveFor('PageDown', 8, 10, 4)).toEqual({ kind: 'to', index: 9 });
    expect(moveFor('PageUp', 2, 10, 4)).toEqual({ kind: 'to', index: 0 });
    expect(moveFor('PageDown', 2, 10, 0)).toEqual({ kind: 'to', index: 3 });
  });
  it('leaves every other key (and an empty list) alone', () => {
    expect(moveFor('ArrowRight', 3, 10, 4)).toEqual({ kind: 'none' });
    expect(moveFor('a', 3, 10, 4)).toEqual({ kind: 'none' });
    expect(moveFor('ArrowDown', 0, 0, 4)).toEqual({ kind: 'none' });
  });
});

describe('typeAheadMatch', () => {
  it('finds the next item starting with the typed word, ignoring case and accents, wrapping round', () => {
    expect(typeAheadMatch('bro', 0, text, TITLES.length)).toBe(2);
    expect(typeAheadMatch('equ', 0, text, TITLES.length)).toBe(3);
    expect(typeAheadMatch('adop', 4, text, TITLES.length)).toBe(0);
    expect(typeAheadMatch('zzz', 0, text, TITLES.length)).toBeNull();
  });
  it('stays on the active item while the word still matches it', () => {
    expect(typeAheadMatch('boundary w', 1, text, TITLES.length)).toBe(1);
  });
  it('cycles through the items starting with a letter typed again and again', () => {
    expect(typeAheadMatch('b', 0, text, TITLES.length)).toBe(1);
    expect(typeAheadMatch('b', 1, text, TITLES.length)).toBe(2);
    expect(typeAheadMatch('bb', 2, text, TITLES.length)).toBe(4);
    expect(typeAheadMatch('bbb', 4, text, TITLES.length)).toBe(1);
  });
  it('finds nothing in an empty list or for nothing typed', () => {
    expect(typeAheadMatch('a', 0, text, 0)).toBeNull();
    expect(typeAheadMatch('', 0, text, TITLES.length)).toBeNull();
  });
});
