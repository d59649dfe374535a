// `process` for path-browserify's `resolve` in the playground bundle: the virtual rules folder is
// relative to a root working directory.
export const process = { cwd: (): string => '/', env: {}, platform: 'browser' };
