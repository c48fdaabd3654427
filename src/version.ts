/** The version `--version` prints and the user agent carries; keep in step with package.json. */
export const VERSION = '0.1.0';
