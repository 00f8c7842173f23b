/**
 * Focuses the element with this id as soon as it is rendered (after a navigation the target screen may still be
 * loading), giving up after a few seconds.
 */
export function focusWhenReady(id: string, timeoutMs = 4000): void {
  const started = performance.now();
  const attempt = () => {
    const el = document.getElementById(id);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
