// Personal names in the shapes exports use: "Family, Given" (RIS, MEDLINE FAU, WoS AF), "Family Initials" with no
// comma (Embase "Liu R.", MEDLINE AU "Neilen AD"), "Given Family", particles ("van der", "de"), organisations, and
// several names packed into one line.
import type { CslName } from '../csl.ts';

const ORG_WORDS =
  /\b(group|organi[sz]ation|consortium|committee|institute|association|society|university|collaboration|collaborative|network|council|team|trust|agency|foundation|cent(?:re|er)|department|investigators|study|working|task force|board|office|ministry|federation|alliance|programme|program|initiative|college|academy|services|hospital|inc|ltd|gmbh|corporation|commission|panel|project|registry)\b/i;

const INITIALS = /^(?:\p{Lu}\.?[\s-]?){1,4}$/u;
// "Liu R.", "Adler D.G.", "Neilen AD", "Pinto-Gouveia J", "van der Berg J."
const FAMILY_INITIALS = /^((?:\p{Ll}[\p{L}'’]*\s+)*\p{Lu}[\p{L}'’-]+(?:[\s-]\p{Lu}[\p{Ll}'’][\p{L}'’-]*)*)\s+((?:\p{Lu}\.?[\s-]?){1,4})$/u;

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function isOrganisation(s: string): boolean {
  return ORG_WORDS.test(s);
}

/** Leading lower-case words of a family name are its particle: "van der Berg" → "van der" + "Berg". */
export function splitParticle(family: string): { particle?: string; family: string } {
  const words = family.split(' ');
  let k = 0;
  while (k < words.length - 1 && /^\p{Ll}/u.test(words[k] as string)) k++;
  if (k === 0) return { family };
  return { particle: words.slice(0, k).join(' '), family: words.slice(k).join(' ') };
}

const TRAILING_SUFFIX = /\s+(Jr\.?|Sr\.?|JR\.?|SR\.?|II|III|IV|2nd|3rd)$/;

function person(family: string, given?: string, suffix?: string): CslName {
  // PubMed writes "Dice, P. F. 2nd": the suffix at the end of the given names.
  const tail = suffix === undefined && given ? TRAILING_SUFFIX.exec(given) : null;
  if (tail) {
    given = given?.slice(0, tail.index);
    suffix = tail[1];
  }
  const f = collapse(family);
  const { particle, family: fam } = f.includes(' ') ? splitParticle(f) : { particle: undefined, family: f };
  const name: CslName = { family: fam };
  const g = given ? collapse(given) : '';
  if (g) name.given = g;
  if (particle) name['non-dropping-particle'] = particle;
  if (suffix) name.suffix = suffix;
  return name;
}

const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|v|2nd|3rd)$/i;

/** One name as a non-BibTeX export writes it. */
export function parseName(raw: string): CslName | undefined {
  let s = collapse(raw);
  if (s.endsWith(';')) s = s.slice(0, -1).trimEnd();
  if (!s) return undefined;
  if (s.includes(',')) {
    const parts = s.split(',').map((p) => p.trim());
    const family = parts[0] as string;
    if (!family) return { literal: s };
    if (parts.length >= 3 && SUFFIX.test(parts[1] as string)) return person(family, parts.slice(2).join(' '), parts[1]);
    if (parts.length >= 3 && SUFFIX.test(parts[2] as string)) return person(family, parts[1], parts[2]);
    return person(family, parts.slice(1).join(', '));
  }
  if (isOrganisation(s)) return { literal: s };
  const fi = FAMILY_INITIALS.exec(s);
  if (fi) return person(fi[1] as string, fi[2] as string);
  // RIS, MEDLINE FAU, WoS AF and EndNote all write "Family, Given"; a name without a comma that is not
  // "Family Initials" is a single-field name (Zotero writes those, and BibTeX braces the same names).
  return { literal: s };
}

const looksLikeFamilyInitials = (p: string): boolean => FAMILY_INITIALS.test(p.trim());
const looksLikeGiven = (p: string): boolean => {
  const t = p.trim();
  return INITIALS.test(t) || (/^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)*$/u.test(t) && t.split(' ').length <= 3);
};

/**
 * An author field that may hold several names: "Smith, J; Jones, K", "Adeli K., Lewis G. F.",
 * "Smith, J., Jones, K.", "Smith J and Jones K", or the ASySD CSV's "Adeli K.Lewis G. F.".
 */
const GLUED = /\p{Lu}\.\p{Lu}\p{Ll}/u;

export function parseNameList(raw: string): CslName[] {
  const s = collapse(raw);
  if (!s) return [];
  // Fast path for the usual one "Family, Given" per line: one comma, no space before it, nothing packed.
  const comma = s.indexOf(',');
  if (comma > 0 && s.indexOf(',', comma + 1) < 0 && s.lastIndexOf(' ', comma) < 0 && !s.includes(';') && !s.includes('&') && !/ and /i.test(s) && !GLUED.test(s)) {
    const name = parseName(s);
    return name ? [name] : [];
  }
  let parts: string[];
  if (s.includes(';')) parts = s.split(';');
  else if (/\s(?:and|&)\s/i.test(s) && !isOrganisation(s)) parts = s.split(/\s(?:and|&)\s/i);
  else parts = [s];
  const out: CslName[] = [];
  for (const part of parts.flatMap(splitGlued)) {
    for (const piece of splitCommaPacked(part)) {
      const name = parseName(piece);
      if (name) out.push(name);
    }
  }
  return out;
}

// "Adeli K.Lewis G. F." — an initial's full stop directly followed by a capitalised word starts the next name.
function splitGlued(s: string): string[] {
  return s.split(/(?<=\p{Lu}\.)(?=\p{Lu}\p{Ll})/u).filter((p) => p.trim());
}

function splitCommaPacked(s: string): string[] {
  const t = s.trim();
  if (!t.includes(',')) return [t];
  const parts = t.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length >= 2 && parts.every(looksLikeFamilyInitials)) return parts;
  if (parts.length >= 4 && parts.length % 2 === 0) {
    const pairs: string[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      if (!looksLikeGiven(parts[i + 1] as string)) return [t];
      pairs.push(`${parts[i]}, ${parts[i + 1]}`);
    }
    return pairs;
  }
  return [t];
}

/** A single name as BibTeX writes it (after TeX conversion of each part is up to the caller). */
export function parseBibtexName(raw: string, clean: (s: string) => string): CslName | undefined {
  const s = raw.trim();
  if (!s) return undefined;
  if (isWholeGroup(s)) return { literal: collapse(clean(s)) };
  const commaParts = splitTopLevel(s, ',').map((p) => p.trim());
  const wordsOf = (p: string): string[] => splitTopLevelWords(p);
  let vonLast: string[];
  let first = '';
  let jr = '';
  if (commaParts.length === 1) {
    const words = wordsOf(s);
    // First von Last: von starts at the first lower-case word, Last is from after the last lower-case word.
    let vStart = -1;
    for (let i = 0; i < words.length - 1; i++) {
      if (isLowerWord(words[i] as string)) {
        vStart = i;
        break;
      }
    }
    if (vStart < 0) {
      vonLast = words.slice(-1);
      first = words.slice(0, -1).join(' ');
    } else {
      vonLast = words.slice(vStart);
      first = words.slice(0, vStart).join(' ');
    }
  } else {
    vonLast = wordsOf(commaParts[0] as string);
    if (commaParts.length >= 3) {
      jr = commaParts[1] as string;
      first = commaParts.slice(2).join(' ');
    } else {
      first = commaParts[1] as string;
    }
  }
  // Only leading lower-case words are the particle ("de Vicente", not "Van der Vekens"), as in RIS, so the
  // same name exported both ways comes out the same.
  let k = -1;
  while (k + 1 < vonLast.length - 1 && isLowerWord(vonLast[k + 1] as string)) k++;
  const particle = vonLast.slice(0, k + 1).map(clean).join(' ');
  const family = collapse(vonLast.slice(k + 1).map(clean).join(' '));
  const name: CslName = {};
  if (family) name.family = family;
  const given = collapse(clean(first));
  if (given) name.given = given;
  if (collapse(particle)) name['non-dropping-particle'] = collapse(particle);
  if (collapse(clean(jr))) name.suffix = collapse(clean(jr));
  if (!name.family && !name.given) return undefined;
  if (!name.family) return { family: name.given as string };
  return name;
}

function isLowerWord(w: string): boolean {
  // Braced words count as upper case (BibTeX protects them); "{\"o}zt" style starts are rare enough to ignore.
  return /^\p{Ll}/u.test(w);
}

function isWholeGroup(s: string): boolean {
  if (!s.startsWith('{') || !s.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0 && i < s.length - 1) return false;
    }
  }
  return true;
}

/** Splits at `sep` outside braces. */
export function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function splitTopLevelWords(s: string): string[] {
  return splitTopLevel(s.replace(/\s+/g, ' ').trim(), ' ').filter(Boolean);
}

/** Splits a BibTeX author field at " and " outside braces. */
export function splitBibtexNames(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const norm = s.replace(/\s+/g, ' ');
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === ' ' && /^ and /i.test(norm.slice(i, i + 5))) {
      out.push(norm.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  out.push(norm.slice(start));
  return out.map((p) => p.trim()).filter((p) => p && p.toLowerCase() !== 'others');
}
