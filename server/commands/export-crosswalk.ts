import { buildCrosswalk } from '../../shared/crosswalk.ts';
import { crosswalkTable, LAYOUTS, renderTable, TABLE_FORMATS } from '../../shared/export/crosswalk-export.ts';
import { choice } from './common.ts';
import type { ExportTarget } from './export.ts';

export const crosswalkExport: ExportTarget = {
  name: 'crosswalk',
  usage: 'workbench export crosswalk [--review ID|SLUG] [--layout bands|stages] [--format csv|md|json] [-o FILE] [--db PATH]',
  options: { layout: { type: 'string', default: 'bands' }, format: { type: 'string', default: 'csv' } },
  render(wb, reviewId, values) {
    const layout = choice('--layout', String(values.layout), LAYOUTS);
    const format = choice('--format', String(values.format), TABLE_FORMATS);
    return renderTable(crosswalkTable(buildCrosswalk(wb.repos.snapshot(reviewId)), layout), format);
  },
};
