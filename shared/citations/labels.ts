// Names and labels of the citation options, free of zod so that the client can import them (the client bundle
// keeps zod out: its eval probe trips the page's Content-Security-Policy).
export const CITATION_STYLES = ['apa', 'harvard', 'vancouver'] as const;
export type CitationStyleName = (typeof CITATION_STYLES)[number];

export const STYLE_LABELS: Record<CitationStyleName, string> = {
  apa: 'APA 7th edition',
  harvard: 'Harvard (Cite Them Right)',
  vancouver: 'Vancouver',
};

export const BIBLIOGRAPHY_FORMATS = ['bibtex', 'ris', 'csl-json', 'html', 'text'] as const;
export const FORMAT_LABELS: Record<(typeof BIBLIOGRAPHY_FORMATS)[number], string> = {
  bibtex: 'BibTeX (.bib)',
  ris: 'RIS (.ris)',
  'csl-json': 'CSL-JSON (.json)',
  html: 'Formatted HTML (.html)',
  text: 'Formatted text (.txt)',
};

export const BIBLIOGRAPHY_SCOPES = ['review', 'models', 'target'] as const;
export const SCOPE_LABELS: Record<(typeof BIBLIOGRAPHY_SCOPES)[number], string> = {
  review: 'the whole review',
  models: 'Table 1: the source models',
  target: 'Table 2: the target framework',
};

export const CITATION_TYPES = ['article-journal', 'book', 'chapter', 'report', 'webpage', 'paper-conference', 'thesis', 'document'] as const;
export const TYPE_LABELS: Record<(typeof CITATION_TYPES)[number], string> = {
  'article-journal': 'Journal article',
  book: 'Book',
  chapter: 'Book chapter',
  report: 'Report',
  webpage: 'Web page',
  'paper-conference': 'Conference paper',
  thesis: 'Thesis',
  document: 'Other document',
};

export const LINK_TARGETS = ['framework', 'phase', 'stage', 'alignment'] as const;
