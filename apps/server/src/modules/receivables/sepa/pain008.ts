import { formatAmount, normalizeIdentifier } from '@clientbox/contracts';
import { xmlElement as element, serializeXml, type XmlElement } from '../../invoices/index.ts';
import type { DirectDebitBatch, DirectDebitCollection } from './direct-debit-batch.ts';
import { directDebitTransaction } from './pain008-transaction.ts';
import {
  accountElement,
  agentElement,
  creditorSchemeIdElement,
  isoDateTime,
  nameElement,
  paymentInformationId,
  sepaIdentifier,
  totalCents,
} from './sepa-elements.ts';
import { sepaFileError } from './sepa-errors.ts';

export type * from './direct-debit-batch.ts';

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02';

/**
 * A SEPA direct-debit file, pain.008.001.02 (domain rules §5.1), as Dutch banks accept it. One
 * PmtInf per scheme, sequence type, collection date and creditor account, because the bank
 * processes each PmtInf as one order with one of each. Pure: the same batch gives the same bytes.
 */
export function buildPain008(batch: DirectDebitBatch): string {
  if (batch.collections.length === 0) throw sepaFileError('sepa_batch_empty', batch.messageId);
  const messageId = sepaIdentifier(batch.messageId, 'MsgId');
  const groups = groupCollections(batch);
  const amounts = batch.collections.map((collection) => collection.amount);
  const root = element('CstmrDrctDbtInitn', [
    element('GrpHdr', [
      element('MsgId', messageId),
      element('CreDtTm', isoDateTime(batch.createdAt)),
      element('NbOfTxs', String(batch.collections.length)),
      element('CtrlSum', formatAmount(totalCents(amounts))),
      element('InitgPty', [
        nameElement(batch.creditor.name),
        element('Id', [
          element('OrgId', [element('Othr', [element('Id', normalizeIdentifier(batch.creditor.creditorId))])]),
        ]),
      ]),
    ]),
    ...groups.map((group, index) => paymentInformation(batch, group, paymentInformationId(messageId, index))),
  ]);
  return serializeXml(element('Document', [root]), { xmlns: NAMESPACE });
}

function paymentInformation(batch: DirectDebitBatch, group: DirectDebitCollection[], id: string): XmlElement {
  const first = group[0]!;
  const account = first.creditorAccount ?? batch.creditor.account;
  return element('PmtInf', [
    element('PmtInfId', id),
    element('PmtMtd', 'DD'),
    // One booking for the whole PmtInf: the statement then shows one credit with this PmtInfId.
    element('BtchBookg', 'true'),
    element('NbOfTxs', String(group.length)),
    element('CtrlSum', formatAmount(totalCents(group.map((collection) => collection.amount)))),
    element('PmtTpInf', [
      element('SvcLvl', [element('Cd', 'SEPA')]),
      element('LclInstrm', [element('Cd', first.scheme)]),
      element('SeqTp', first.sequenceType),
    ]),
    element('ReqdColltnDt', first.collectionDate),
    element('Cdtr', [nameElement(batch.creditor.name)]),
    accountElement('CdtrAcct', account.iban),
    agentElement('CdtrAgt', account.bic),
    element('ChrgBr', 'SLEV'),
    creditorSchemeIdElement('CdtrSchmeId', batch.creditor.creditorId),
    ...group.map(directDebitTransaction),
  ]);
}

/** Groups in order of first appearance, so the output follows the input order. */
function groupCollections(batch: DirectDebitBatch): DirectDebitCollection[][] {
  const groups = new Map<string, DirectDebitCollection[]>();
  for (const collection of batch.collections) {
    const account = collection.creditorAccount ?? batch.creditor.account;
    const key = [
      collection.scheme,
      collection.sequenceType,
      collection.collectionDate,
      normalizeIdentifier(account.iban),
    ].join('|');
    const group = groups.get(key);
    if (group) group.push(collection);
    else groups.set(key, [collection]);
  }
  return [...groups.values()];
}
