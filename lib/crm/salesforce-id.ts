const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_15 = /^[a-zA-Z0-9]{15}$/;
const ID_18 = /^[a-zA-Z0-9]{18}$/;

/**
 * Salesforce shows 15-char (case-sensitive) ids in some places and 18-char (case-insensitive) ids in
 * others. The 3 extra chars encode, for each 5-char chunk, which chars are upper case; we always key
 * on the 18-char form so both spellings find the same account.
 */
export function toSalesforceId18(id: string): string | null {
  if (ID_18.test(id)) return id.slice(0, 15) + id.slice(15).toUpperCase();
  if (!ID_15.test(id)) return null;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = id.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return id + suffix;
}
