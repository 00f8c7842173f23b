import { describe, expect, it } from 'vitest';
import { highlightSegments } from '../../shared/screening/highlight.ts';

const marked = (text: string, include: string[], exclude: string[] = []) =>
  highlightSegments(text, include, exclude).filter((s) => s.kind !== null).map((s) => `${s.kind}:${s.text}`);

describe('highlighting the review\'s terms in a record', () => {
  it('marks whole words and phrases, ignoring case, and nothing inside another word', () => {
    expect(marked('Social care for Children; childcare costs', ['children', 'social care'])).toEqual(['include:Social care', 'include:Children']);
    expect(marked('Innovation in care homes', ['care'])).toEqual(['include:care']);
    expect(marked('Scared of caregivers', ['care'])).toEqual([]);
  });

  it('takes a trailing * as a prefix', () => {
    expect(marked('Children and a child-led childcare trial', ['child*'])).toEqual(['include:Children', 'include:child', 'include:childcare']);
  });

  it('marks exclusion terms apart, and the longer of two overlapping terms wins', () => {
    expect(marked('A randomised controlled trial in adult care', ['controlled trial'], ['adult', 'trial'])).toEqual([
      'include:controlled trial', 'exclude:adult',
    ]);
  });

  it('keeps every character of the text, in order, across letters of any script', () => {
    const text = 'Ελληνικά: Kinder– und Jugendhilfe (ÄÖÜ) innovación';
    const segments = highlightSegments(text, ['jugendhilfe', 'innovación', 'ελληνικά'], ['ÄÖÜ']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.kind).map((s) => s.text)).toEqual(['Ελληνικά', 'Jugendhilfe', 'ÄÖÜ', 'innovación']);
    expect(highlightSegments('', ['x'], [])).toEqual([{ text: '', kind: null }]);
    // punctuation in a term is taken literally; a term of nothing but * or space marks nothing
    expect(marked('a (b) [c] d', ['(b)', '[c', '*', ' '])).toEqual(['include:(b)', 'include:[c']);
  });
});
