// Receipt codes as residents type them back: any case, with or without dashes
// and spaces, and the letters Crockford's base32 reads as digits (O as 0, I
// and L as 1). The SQL function private.normalised_receipt does the same.
const alphabet = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** The code as stored (16 characters), or undefined when it cannot be a receipt code. */
export function normaliseReceipt(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return alphabet.test(code) ? code : undefined;
}
