import { useState, type FormEvent } from 'react';
import { describeError } from '../../api/problems.ts';
import { usePrismaEnter } from '../../hooks/usePrismaEnter.ts';

/** A count typed in by hand for a box the records cannot give; blank clears it. */
export function PrismaEnterCount({ reviewId, boxKey, label, current, onSaved }: {
  reviewId: number;
  boxKey: string;
  label: string;
  current: number | null;
  onSaved: (text: string) => void;
}) {
  const enter = usePrismaEnter(reviewId);
  const [value, setValue] = useState(current === null ? '' : String(current));
  const [error, setError] = useState('');
  const id = `prisma-enter-${boxKey}`;
  const save = (e: FormEvent) => {
    e.preventDefault();
    const text = value.trim();
    const count = text === '' ? null : Number(text);
    if (count !== null && (!Number.isInteger(count) || count < 0)) {
      setError('Enter a whole number of 0 or more, or leave it blank to clear it.');
      return;
    }
    setError('');
    enter.mutateAsync({ key: boxKey, count, note: '' }).then(
      () => onSaved(count === null ? `Cleared the entered count of “${label}”.` : `Entered ${count} for “${label}”.`),
      (err: unknown) => setError(`Not saved: ${describeError(err)}`),
    );
  };
  return (
    <form className="prisma-enter" onSubmit={save} aria-label={`Enter the count of ${label}`}>
      <label htmlFor={id} className="wb-sr-only">Count of {label}</label>
      <input
        id={id} inputMode="numeric" size={6} value={value} onChange={(e) => setValue(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
      />{' '}
      <button type="submit" disabled={enter.isPending}>Save<span className="wb-sr-only"> the count of {label}</span></button>
      {error && <span id={`${id}-error`} className="form-error"> {error}</span>}
    </form>
  );
}
