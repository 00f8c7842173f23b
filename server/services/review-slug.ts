// A review's slug from its title: lower-case ASCII, diacritics stripped, anything else a hyphen, at most 80
// characters, made unique with -2, -3, … against every review (trashed ones hold their slug until purged).

const MAX = 80;

export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = ascii.slice(0, MAX).replace(/-+$/, '');
  return cut || 'review';
}

export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const slug = `${base.slice(0, MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken(slug)) return slug;
  }
}

