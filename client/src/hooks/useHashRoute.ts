import { useEffect, useState } from 'react';

/** The current "#/screen/rest" route; screens navigate by setting location.hash. */
export function useHashRoute(): { screen: string; rest: string[] } {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const onChange = () => setParts(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const [screen = '', ...rest] = parts;
  return { screen, rest };
}
