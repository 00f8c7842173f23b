// The one way HTML from outside reaches the page (citation-js output, and imported titles and abstracts as CSL rich
// text through RichText): DOMPurify with a short allow-list. Small caps and the like arrive as inline styles; those
// become classes, every other attribute, tag, URL and handler is dropped, so a title such as `<img src=x onerror=…>`
// stays inert text. <mark> with its title is the screening highlight's own (richToHtml escapes any in a title).
import DOMPurify from 'dompurify';

const STYLE_CLASSES: [RegExp, string][] = [
  [/font-variant:\s*small-caps/i, 'csl-small-caps'],
  [/font-style:\s*italic/i, 'csl-italic'],
  [/font-weight:\s*bold/i, 'csl-bold'],
  [/vertical-align:\s*sup/i, 'csl-sup'],
  [/vertical-align:\s*sub/i, 'csl-sub'],
];

const ALLOWED_TAGS = ['i', 'b', 'em', 'strong', 'sup', 'sub', 'span', 'div', 'mark'];
const ALLOWED_CLASS = /^(csl-[a-z-]+|term-(include|exclude))$/;

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
    if (node.tagName !== 'MARK') node.removeAttribute('title');
  });
  purifier = p;
  return p;
}

/** Citation HTML reduced to formatting tags and csl-* classes; safe for dangerouslySetInnerHTML. */
export function sanitizeCitationHtml(html: string): string {
  return instance().sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['class', 'title'], ALLOW_DATA_ATTR: false });
}
