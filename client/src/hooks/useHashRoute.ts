import { useEffect, useState } from 'react';
import { parseHash, type Route } from '../lib/route.ts';

/**
 * The current route. `screen` and `rest` are relative to the review (#/r/<slug>/screen/rest…), so a screen reads
 * its own part of the address whichever review it shows; screens navigate by setting location.hash to a reviewHash.
 */
export function useHashRoute(): { route: Route; screen: string; rest: string[] } {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const screen = route.kind === 'page' ? route.page : route.screen;
  return { route, screen, rest: route.rest };
}
