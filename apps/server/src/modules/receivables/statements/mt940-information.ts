import { isValidIban, normalizeIdentifier } from '@clientbox/contracts';
import type { StatementTransaction } from './bank-statement.ts';

/**
 * The :86: field of the Dutch banks' SEPA MT940 (ING, Rabobank, ABN AMRO): `/KEY/value` pairs,
 * e.g. `/EREF/2026-000123/IBAN/NL02…/NAME/J. de Vries/REMI/USTD//Factuur 2026-000123/`.
 * A value may itself hold `/`, so a value runs to the next known key, not to the next slash.
 */
const KEYS = [
  'TRTP', 'EREF', 'PREF', 'MARF', 'CSID', 'CNTP', 'IBAN', 'BIC', 'NAME', 'REMI', 'RTRN', 'ORDP', 'BENM',
  'ID', 'ADDR', 'ISDT', 'ULTC', 'ULTD', 'ULTB', 'PURP', 'NRTX', 'BUSP', 'SVCL', 'CREF', 'RTYP', 'ABWA', 'ABWE',
  'COAM', 'OAMT', 'KREF', 'CDTRREF',
] as const; // prettier-ignore
const KEY_PATTERN = new RegExp(`/(${KEYS.join('|')})/`, 'g');

export interface Mt940Information {
  transaction: Omit<StatementTransaction, 'amount'>;
  batch: { paymentInformationId: string | null; numberOfTransactions: number | null } | null;
}

export function readInformation(text: string, supplementaryIban: string | null): Mt940Information {
  if (!text.startsWith('/')) {
    // Older free-text :86: (no subfields): all of it is remittance text.
    return {
      transaction: {
        endToEndId: null,
        mandateId: null,
        counterparty: supplementaryIban ? { name: null, iban: supplementaryIban } : null,
        remittance: { unstructured: text.trim() || null, structured: null },
        returnReasonCode: null,
      },
      batch: null,
    };
  }
  const fields = subfields(text);
  // ING packs the counterparty as /CNTP/IBAN/BIC/NAME/CITY/.
  const [contraIban, , contraName] = (fields.get('CNTP') ?? '').split('/');
  const iban = ibanOrNull(fields.get('IBAN')) ?? ibanOrNull(contraIban) ?? supplementaryIban;
  const name = fields.get('NAME') || contraName || null;
  const paymentInformationId = fields.get('PREF') || null;
  const count = fields.get('NRTX');
  return {
    transaction: {
      endToEndId: fields.get('EREF') || null,
      mandateId: fields.get('MARF') || null,
      counterparty: iban || name ? { name, iban } : null,
      remittance: readRemittance(fields.get('REMI') ?? ''),
      returnReasonCode: /^[A-Z0-9]{4}/.exec(fields.get('RTRN') ?? '')?.[0] ?? null,
    },
    batch:
      paymentInformationId || count
        ? { paymentInformationId, numberOfTransactions: count && /^\d+$/.test(count) ? Number(count) : null }
        : null,
  };
}

function subfields(text: string): Map<string, string> {
  const found = [...text.matchAll(KEY_PATTERN)];
  const fields = new Map<string, string>();
  found.forEach((match, index) => {
    const start = match.index + match[0].length;
    const end = found[index + 1]?.index ?? text.length;
    // Rabobank separates pairs with `//` and ends with `/`: neither belongs to the value.
    const value = text.slice(start, end).replace(/\/+$/, '').trim();
    if (!fields.has(match[1]!)) fields.set(match[1]!, value);
  });
  return fields;
}

/** ING: `USTD//free text` or `STRD/CUR/5000056789012345`; the others: the text itself. */
function readRemittance(value: string): StatementTransaction['remittance'] {
  const structured = /^STRD\/([A-Z]{3,4})\/(.+)$/.exec(value);
  if (structured) return { unstructured: null, structured: { reference: structured[2]!, issuer: structured[1]! } };
  const text = value.replace(/^USTD\/\//, '').trim();
  return { unstructured: text || null, structured: null };
}

function ibanOrNull(value: string | undefined): string | null {
  const candidate = normalizeIdentifier(value ?? '');
  return candidate && isValidIban(candidate) ? candidate : null;
}
