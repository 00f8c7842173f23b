// workbench export bibliography: the review's references as BibTeX, RIS, CSL-JSON or formatted text in a style.
import { citationService } from '../services/citations.ts';
import { choice } from './common.ts';
import type { ExportTarget } from './export.ts';

const FORMATS = ['bibtex', 'ris', 'csl-json', 'apa', 'harvard', 'vancouver'] as const;
const SCOPES = ['review', 'models', 'target'] as const;

export const bibliographyExport: ExportTarget = {
  name: 'bibliography',
  usage: 'workbench export bibliography [--review ID|SLUG] --format bibtex|ris|csl-json|apa|harvard|vancouver [--scope review|models|target] [-o FILE] [--db PATH]',
  options: { format: { type: 'string', default: 'bibtex' }, scope: { type: 'string', default: 'review' } },
  render(wb, reviewId, values) {
    const format = choice('--format', String(values.format), FORMATS);
    const scope = choice('--scope', String(values.scope), SCOPES);
    const svc = citationService(wb.repos);
    if (format === 'apa' || format === 'harvard' || format === 'vancouver') return svc.exportBibliography(reviewId, 'text', format, scope).content;
    return svc.exportBibliography(reviewId, format, 'apa', scope).content;
  },
};
