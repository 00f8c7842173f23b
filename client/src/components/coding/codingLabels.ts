// Words the coding screens use for the schema's enums. Kept as records keyed by the schema's types (the compiler
// checks every value is named) rather than imported from the schema module, which would bring zod into the bundle's
// start-up path and its eval probe into the page's CSP report.
import type { CodeBand } from '../../../../shared/coding/schemas.ts';
import type { MatrixQuery } from '../../../../shared/coding/schemas.ts';

export const BAND_LABEL = { early: 'early', middle: 'middle', latter: 'latter' } as const satisfies Record<CodeBand, string>;
export const BANDS = Object.keys(BAND_LABEL) as CodeBand[];

export type Orientation = MatrixQuery['orientation'];
export const ORIENTATION_LABEL = { 'items-codes': 'items × codes', 'codes-items': 'codes × items' } as const satisfies Record<Orientation, string>;
export const ORIENTATIONS = Object.keys(ORIENTATION_LABEL) as Orientation[];
