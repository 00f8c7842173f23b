// The one way HTML from outside (citation-js output, which carries imported titles) reaches the page: DOMPurify with
// a short allow-list. citation-js marks small caps and the like with inline styles; those become classes, every
// other attribute, tag, URL and handler is dropped, so a title such as `<img src=x onerror=…>` stays inert text.
import DOMPurify from 'dompurify';

const STYLE_CLASSES: [RegExp, string][] = [
  [/font-variant:\s*small-caps/i, 'csl-small-caps'],
  [/font-style:\s*italic/i, 'csl-italic'],
  [/font-weight:\s*bold/i, 'csl-bold'],
  [/vertical-align:\s*sup/i, 'csl-sup'],
  [/vertical-align:\s*sub/i, 'csl-sub'],
];

const ALLOWED_TAGS = ['i', 'b', 'em', 'strong', 'sup', 'sub', 'span', 'div'];
const ALLOWED_CLASS = /^csl-[a-z-]+$/;

let purifier: ReturnType<typeof DOMPurify> | undefined;

function instance(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('uponSanitizeElement', (node) => {
    if (!(node instanceof Element)) return;
    const style = node.getAttribute('style');
    const classes = (node.getAttribute('class') ?? '').split(/\s+/).filter((c) => ALLOWED_CLASS.test(c));
    if (style) for (const [re, cls] of STYLE_CLASSES) if (re.test(style)) classes.push(cls);
    if (classes.length) node.setAttribute('class', classes.join(' '));
    else node.removeAttribute('class');
    node.removeAttribute('style');
  });
  purifier = p;
  return p;
}

/** Citation HTML reduced to formatting tags and csl-* classes; safe for dangerouslySetInnerHTML. */
export function sanitizeCitationHtml(html: string): string {
  return instance().sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['class'], ALLOW_DATA_ATTR: false });
}
