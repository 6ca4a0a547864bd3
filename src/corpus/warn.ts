// Where recoveries and degraded states are reported when the caller gives no logger: one line on stderr
// (stdout stays for answers, e.g. `charter ask --json`).
export const warnOnStderr = (message: string): void => {
  process.stderr.write(`charter: ${message}\n`);
};
