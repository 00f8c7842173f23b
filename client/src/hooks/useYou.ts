import { useCallback, useEffect, useState } from 'react';
import { CHANGE_EVENT, chooseReviewer, currentReviewer } from '../lib/you.ts';

/** The reviewer chosen at this browser for the review ("You are: …"), following changes from any screen or tab. */
export function useYou(reviewId: number): [number | null, (reviewerId: number | null) => void] {
  const [you, setYou] = useState(() => currentReviewer(reviewId));
  useEffect(() => {
    const sync = () => setYou(currentReviewer(reviewId));
    sync();
    window.addEventListener(CHANGE_EVENT, sync);
    window.addEventListener('storage', sync);
    return () => {
      window.removeEventListener(CHANGE_EVENT, sync);
      window.removeEventListener('storage', sync);
    };
  }, [reviewId]);
  const choose = useCallback((reviewerId: number | null) => chooseReviewer(reviewId, reviewerId), [reviewId]);
  return [you, choose];
}
