// A table wider than a small screen scrolls inside itself; keyboard users must be able to reach it to scroll it
// (WCAG 2.1.1, axe's scrollable-region-focusable), so such a table takes a Tab stop while, and only while, it scrolls.
const MARK = 'data-scroll-focus';

function update(): void {
  for (const table of document.querySelectorAll<HTMLElement>('.data-table')) {
    const scrolls = table.scrollWidth > table.clientWidth + 1;
    if (scrolls && !table.hasAttribute('tabindex')) {
      table.setAttribute('tabindex', '0');
      table.setAttribute(MARK, '');
    } else if (!scrolls && table.hasAttribute(MARK)) {
      table.removeAttribute('tabindex');
      table.removeAttribute(MARK);
    }
  }
}

/** Watches the page for tables that start or stop scrolling (new content, a resize) and keeps their Tab stop right. */
export function keepScrollingTablesFocusable(root: HTMLElement): void {
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update();
    });
  };
  new MutationObserver(schedule).observe(root, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  schedule();
}
