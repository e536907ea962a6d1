/** Only the last four characters of an IBAN, grouped as it is printed: `•••• •••• 4300`. */
export function maskIban(iban: string | null): string | null {
  if (!iban) return null;
  return `•••• ${iban.slice(-4)}`;
}
