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
 * where a digit's value is itself and a letter's is its alphabet index. The LA code is checked apart
 * (isKnownLaCode): DfE test UPNs pass the check letter with codes no authority has.
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

/**
 * DfE LA codes: England's authorities (current and recently merged, since old UPNs keep their code) and
 * Wales's (660–681), which issue UPNs on the same scheme.
 */
const LA_CODES = new Set(
  (
    '201 202 203 204 205 206 207 208 209 210 211 212 213 301 302 303 304 305 306 307 308 309 310 311 312 313 314 ' +
    '315 316 317 318 319 320 330 331 332 333 334 335 336 340 341 342 343 344 350 351 352 353 354 355 356 357 358 ' +
    '359 370 371 372 373 380 381 382 383 384 390 391 392 393 394 420 800 801 802 803 805 806 807 808 810 811 812 ' +
    '813 815 816 821 822 823 825 826 830 831 835 836 837 838 839 840 841 845 846 850 851 852 855 856 857 860 861 ' +
    '865 866 867 868 869 870 871 872 873 874 875 876 877 878 879 880 881 882 883 884 885 886 887 888 889 890 891 ' +
    '892 893 894 895 896 908 909 916 919 921 925 926 928 929 931 933 935 936 937 938 940 941 942 943'
  ).split(' '),
);

export function isKnownLaCode(code: string): boolean {
  const n = Number(code);
  return LA_CODES.has(code) || (n >= 660 && n <= 681);
}
