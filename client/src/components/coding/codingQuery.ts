/** A query string of the parameters that are set, in the order given (so equal filters make equal cache keys). */
export const codingQuery = (params: Record<string, string | undefined>): string =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
