/**
 * The official checks for the identifiers, on bare strings (no spaces). Kept apart from the text scanning
 * so each rule can be read against its specification.
 */

/** NHS number: 10 digits; weights 10..2 on digits 1–9; check = 11 − (sum mod 11); 11 → 0; 10 is never issued. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^[0-9]{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === Number(digits[9]);
}

/** The UPN check-letter alphabet: A–Z without I, O and S (too easily read as 1, 0 and 5). A = 0 … Z = 22. */
export const UPN_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * UPN (DfE Unique Pupil Number): check letter, 3-digit LA code, 8 digits, then a digit or, in a temporary
 * UPN, a letter of the same alphabet. The check letter is alphabet[Σ value(char i) × i for i = 2..13, mod 23],
 * where a digit's value is itself and a letter's is its alphabet index. The LA code's range is not checked:
 * DfE test UPNs use codes no authority has.
 */
export function isValidUpn(upn: string): boolean {
  if (!/^[A-Z][0-9]{11}[0-9A-Z]$/.test(upn)) return false;
  let sum = 0;
  for (let i = 2; i <= 13; i++) {
    const ch = upn[i - 1];
    const value = /[0-9]/.test(ch) ? Number(ch) : UPN_ALPHABET.indexOf(ch);
    if (value < 0) return false;
    sum += value * i;
  }
  return UPN_ALPHABET[sum % 23] === upn[0];
}

/**
 * NI number prefix (HMRC): first letter not D F I Q U V; second not D F I O Q U V; and never
 * BG GB KN NK NT TN ZZ (administrative or temporary prefixes). There is no check character.
 */
export function isValidNiPrefix(prefix: string): boolean {
  const p = prefix.toUpperCase();
  if (!/^[A-Z]{2}$/.test(p)) return false;
  if ('DFIQUV'.includes(p[0])) return false;
  if ('DFIOQUV'.includes(p[1])) return false;
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(p);
}

/**
 * Digits of a UK phone number as dialled nationally (leading 0): mobiles 071–075, 077–079 (07624 is the
 * Isle of Man; 070 personal numbers and 076 pagers are left out), 02 and 03 with 11 digits, and 01 with
 * 11 or, in a few old areas, 10 digits.
 */
export function isUkPhoneNumber(national: string): boolean {
  return /^0(?:7(?:[1-57-9][0-9]{8}|624[0-9]{6})|[23][0-9]{9}|1[0-9]{8,9})$/.test(national);
}
