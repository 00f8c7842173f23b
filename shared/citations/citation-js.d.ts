// The slice of citation-js 0.8 this project calls; the packages ship no type declarations.
declare module '@citation-js/core' {
  export interface CiteFormatOptions {
    format?: 'text' | 'html';
    template?: string;
    lang?: string;
    entry?: string | { id: string; locator?: string; label?: string }[];
    spec?: 'new' | 'old' | 'mixed';
  }
  export class Cite {
    constructor(data?: unknown, options?: { generateGraph?: boolean; forceType?: string });
    data: Record<string, unknown>[];
    format(style: 'bibliography', options: CiteFormatOptions & { asEntryArray: true }): [string, string][];
    format(style: string, options?: CiteFormatOptions): string;
  }
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T;
  }
  export const plugins: {
    input: {
      chain(data: unknown, options?: { generateGraph?: boolean; forceType?: string; target?: string }): Record<string, unknown>[];
    };
    config: {
      get(name: '@csl'): { styles: Register<string>; locales: Register<string> };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
