declare module 'pg/lib/utils.js' {
  /** node-postgres' own conversion of a parameter value to the text it sends. */
  const utils: { prepareValue(value: unknown): unknown };
  export default utils;
}
