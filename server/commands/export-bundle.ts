// workbench export bundle: the whole review as one JSON document that `workbench restore` loads back.
import { BundleError, exportBundle, serializeBundle } from '../services/bundle.ts';
import { CliError } from './common.ts';
import type { ExportTarget } from './export.ts';

export const bundleExport: ExportTarget = {
  name: 'bundle',
  usage: 'workbench export bundle [--review ID|SLUG] [-o FILE] [--db PATH]',
  options: {},
  render(wb, reviewId) {
    try {
      return serializeBundle(exportBundle(wb.db, reviewId));
    } catch (error) {
      if (error instanceof BundleError) throw new CliError(`export bundle: ${error.message}`);
      throw error;
    }
  },
};
