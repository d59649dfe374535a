// Resident identity numbers (GB 11643-1999): the 18-digit checksum, the birth date they carry,
// and the masked form that is the only one ever shown in a message, a log or the errors sheet.
import { parseDay } from '../runtime/index.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type IdentityCheck = { ok: true; number: string; birthDate: string } | { ok: false; reason: 'format' | 'checksum' | 'birth' };

/** An identity number as typed: full-width folded, spaces dropped, a lower-case x raised. */
export function normalizeIdentity(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Checks an 18-digit number: its form, its checksum (ISO 7064 MOD 11-2) and its birth date. */
export function checkIdentity(raw: string): IdentityCheck {
  const n = normalizeIdentity(raw);
  if (!/^\d{17}[\dX]$/.test(n)) return { ok: false, reason: 'format' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(n[i]) * WEIGHTS[i];
  if (CHECK[sum % 11] !== n[17]) return { ok: false, reason: 'checksum' };
  const birthDate = `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
  if (parseDay(birthDate) === undefined) return { ok: false, reason: 'birth' };
  return { ok: true, number: n, birthDate };
}

/** The form shown anywhere: the first 4 and last 2 characters, the rest (birth date included) as `*`. */
export function maskIdentity(raw: string): string {
  const n = normalizeIdentity(raw);
  if (n.length <= 6) return '*'.repeat(n.length);
  return `${n.slice(0, 4)}${'*'.repeat(n.length - 6)}${n.slice(-2)}`;
}
