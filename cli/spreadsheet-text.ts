// Text that goes into a spreadsheet cell (the CSV batch output, the reviewed roster): a text a
// spreadsheet would take for a formula (starting with = + - @, also after spaces, or with a tab
// or CR) gets a leading apostrophe, so that it is shown, never run (formula injection).

/** `s`, with a leading apostrophe when a spreadsheet would read it as a formula. */
export function neutralised(s: string): string {
  return /^\s*[=+\-@]|^[\t\r]/.test(s) ? `'${s}` : s;
}
