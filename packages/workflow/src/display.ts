/**
 * `@kader/workflow/display`: what a screen needs to show data, without the schemas (zod) and the
 * machines (xstate): formatting, dates, labels, the message catalogue, the recruitment's state
 * names, the request limits. The admin's first screen (the board) imports from here so that zod
 * and xstate load with the pages that parse or drive a machine, not before the first card
 * (issue 10). Everything here is also exported by the package's index.
 */
export * from './calendar';
export * from './people/office';
export * from './recruitment/states';
export * from './requestLimits';
export * from './text/catalogue';
export * from './text/csv';
export * from './text/format';
export * from './text/labels';
export { labelOf, type Fmt, type LabelKind, type Params, type ParamValue } from './text/message';
