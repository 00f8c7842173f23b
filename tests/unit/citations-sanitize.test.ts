// @vitest-environment jsdom
// The one sanitiser citation HTML passes through on its way to the page.
import { describe, expect, it } from 'vitest';
import { sanitizeCitationHtml } from '../../client/src/lib/sanitize.ts';
import { richToHtml } from '../../shared/literature/rich-text.ts';

describe('sanitizeCitationHtml', () => {
  it('drops live markup: images with handlers, scripts, links, iframes', () => {
    const out = sanitizeCitationHtml('<img src=x onerror=alert(1)>A<script>alert(2)</script><a href="javascript:alert(3)">b</a><iframe src="x"></iframe><svg onload=alert(4)></svg>');
    expect(out).toBe('Ab');
  });

  it('keeps citation-js formatting and turns its inline styles into classes', () => {
    const html = '<div data-csl-entry-id="x" class="csl-entry evil">Doe, J. <i>Title</i> <span style="font-variant:small-caps">caps</span> <b onclick="x()">bold</b></div>';
    expect(sanitizeCitationHtml(html)).toBe('<div class="csl-entry">Doe, J. <i>Title</i> <span class="csl-small-caps">caps</span> <b>bold</b></div>');
  });

  it('keeps rich text and the screening highlight: <mark> with its class and title, titles nowhere else', () => {
    const html = richToHtml('<i>Homo</i> <span style="font-variant:small-caps;">Nasa</span> <span class="nocase">iPhone</span> <img src=x onerror=alert(1)>');
    expect(sanitizeCitationHtml(html)).toBe('<i>Homo</i> <span class="csl-small-caps">Nasa</span> <span>iPhone</span> &lt;img src=x onerror=alert(1)&gt;');
    expect(sanitizeCitationHtml('<mark class="term-include evil" title="inclusion term">a</mark><b title="x" class="term-exclude">b</b>')).toBe(
      '<mark class="term-include" title="inclusion term">a</mark><b class="term-exclude">b</b>',
    );
  });

  it('leaves escaped markup from a title escaped', () => {
    const out = sanitizeCitationHtml('<div class="csl-entry">Evil &#60;img src=x onerror=alert(1)&#62; title</div>');
    expect(out).toBe('<div class="csl-entry">Evil &lt;img src=x onerror=alert(1)&gt; title</div>');
  });
});
