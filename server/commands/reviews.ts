import { parseOptions, withWorkbench, type Command } from './common.ts';

export const reviewsCommand: Command = {
  name: 'reviews',
  usage: ['workbench reviews [--json] [--db PATH]'],
  run(args, io) {
    const { values } = parseOptions(args, { json: { type: 'boolean', default: false } });
    withWorkbench(values.db, (wb) => {
      const list = wb.repos.listReviews().map((r) => ({ id: r.id, slug: r.slug, title: r.title }));
      io.out.write(values.json ? `${JSON.stringify(list, null, 2)}\n` : list.map((r) => `${r.id}\t${r.slug}\t${r.title}\n`).join(''));
    });
    return 0;
  },
};
