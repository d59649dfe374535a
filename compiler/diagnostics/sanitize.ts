// The one sanitiser for every line a person or CI reads: text from rule files, vocabularies and
// applicant profiles must not drive the terminal (ESC sequences, C1 controls), reorder what is
// shown (bidi overrides, isolates and marks) or break a line (CR, LF, U+2028/2029).

/** Shown as U+FFFD: C0 controls but tab, DEL, C1 controls, bidi marks/overrides/isolates, line separators. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** One line of text made harmless: unsafe characters become U+FFFD, tabs one space. */
export function sanitize(s: string): string {
  return s.replace(/\t/g, ' ').replace(UNSAFE, '\ufffd');
}
