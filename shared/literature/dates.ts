// Dates as exports write them: "2018", "2018//", "1999/08//undefined", "2017 Nov 15", "Mar 1", "SEP", "2022-05-01".

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function monthNumber(token: string): number | undefined {
  const t = token.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : undefined;
  }
  const i = MONTHS.indexOf(t.slice(0, 3));
  return i >= 0 && /^[a-z]+\.?$/.test(t) ? i + 1 : undefined;
}

const ISO = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?(?:[/-].*)?$/;

export function parseDate(raw: string | undefined): DateParts {
  if (!raw) return {};
  const s = raw.trim();
  if (!s) return {};
  const iso = ISO.exec(s);
  if (iso) {
    const out: DateParts = { year: Number(iso[1]) };
    const m = iso[2] ? Number(iso[2]) : undefined;
    if (m && m >= 1 && m <= 12) {
      out.month = m;
      const d = iso[3] ? Number(iso[3]) : undefined;
      if (d && d >= 1 && d <= 31) out.day = d;
    }
    return plausible(out);
  }
  const tokens = s.split(/[\s/,.-]+/).filter(Boolean);
  const out: DateParts = {};
  let monthAt = -1;
  tokens.forEach((t, i) => {
    if (out.year === undefined && /^\d{4}$/.test(t)) out.year = Number(t);
    else if (out.month === undefined && /^[a-z]{3,}$/i.test(t)) {
      const m = monthNumber(t);
      if (m) {
        out.month = m;
        monthAt = i;
      }
    }
  });
  if (monthAt >= 0) {
    for (const j of [monthAt + 1, monthAt - 1]) {
      const t = tokens[j];
      if (t && /^\d{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 31) {
        out.day = Number(t);
        break;
      }
    }
  }
  return plausible(out);
}

function plausible(d: DateParts): DateParts {
  if (d.year !== undefined && (d.year < 1000 || d.year > 2999)) return {};
  return d;
}

/** CSL date-parts, most significant first, stopping at the first missing part. */
export function toDateParts(d: DateParts): number[] | undefined {
  if (d.year === undefined) return undefined;
  const parts = [d.year];
  if (d.month !== undefined) {
    parts.push(d.month);
    if (d.day !== undefined) parts.push(d.day);
  }
  return parts;
}
