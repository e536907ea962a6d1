import { type Cents, formatAmount } from '@clientbox/contracts';
import { xmlElement as element, serializeXml, type XmlElement } from '../../invoices/index.ts';
import {
  accountElement,
  agentElement,
  amountElement,
  type BankAccount,
  isoDateTime,
  nameElement,
  paymentInformationId,
  sepaIdentifier,
  totalCents,
} from './sepa-elements.ts';
import { sepaFileError } from './sepa-errors.ts';
import { toSepaText } from '../domain/sepa-text.ts';

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

/** The input of `buildPain001`: refunds of credit notes and pro-rata repayments. */
export interface RefundBatch {
  messageId: string;
  createdAt: Date;
  /** ReqdExctnDt, `YYYY-MM-DD`. */
  executionDate: string;
  /** The tenant: the account the refunds are paid from. */
  debtor: BankAccount & { name: string };
  refunds: Refund[];
}

export interface Refund {
  /** EndToEndId = the credit note number, so the debit on our statement matches it. */
  endToEndId: string;
  amount: Cents;
  creditor: BankAccount & { name: string };
  /** Ustrd in the customer's language, e.g. "Terugbetaling creditnota 2026-000124". */
  remittanceText: string;
}

/**
 * A SEPA credit-transfer file, pain.001.001.03 (domain rules §5.4), one PmtInf for the batch's
 * execution date and account. Pure: the same batch gives the same bytes.
 */
export function buildPain001(batch: RefundBatch): string {
  if (batch.refunds.length === 0) throw sepaFileError('sepa_batch_empty', batch.messageId);
  const messageId = sepaIdentifier(batch.messageId, 'MsgId');
  const count = String(batch.refunds.length);
  const controlSum = formatAmount(totalCents(batch.refunds.map((refund) => refund.amount)));
  const root = element('CstmrCdtTrfInitn', [
    element('GrpHdr', [
      element('MsgId', messageId),
      element('CreDtTm', isoDateTime(batch.createdAt)),
      element('NbOfTxs', count),
      element('CtrlSum', controlSum),
      element('InitgPty', [nameElement(batch.debtor.name)]),
    ]),
    element('PmtInf', [
      element('PmtInfId', paymentInformationId(messageId, 0)),
      element('PmtMtd', 'TRF'),
      element('BtchBookg', 'true'),
      element('NbOfTxs', count),
      element('CtrlSum', controlSum),
      element('PmtTpInf', [element('SvcLvl', [element('Cd', 'SEPA')])]),
      element('ReqdExctnDt', batch.executionDate),
      element('Dbtr', [nameElement(batch.debtor.name)]),
      accountElement('DbtrAcct', batch.debtor.iban),
      agentElement('DbtrAgt', batch.debtor.bic),
      element('ChrgBr', 'SLEV'),
      ...batch.refunds.map(creditTransfer),
    ]),
  ]);
  return serializeXml(element('Document', [root]), { xmlns: NAMESPACE });
}

function creditTransfer(refund: Refund): XmlElement {
  return element('CdtTrfTxInf', [
    element('PmtId', [element('EndToEndId', sepaIdentifier(refund.endToEndId, 'EndToEndId'))]),
    element('Amt', [amountElement('InstdAmt', refund.amount, refund.endToEndId)]),
    // CdtrAgt is optional in SEPA; without a BIC it is left out rather than NOTPROVIDED.
    refund.creditor.bic && agentElement('CdtrAgt', refund.creditor.bic),
    element('Cdtr', [nameElement(refund.creditor.name)]),
    accountElement('CdtrAcct', refund.creditor.iban),
    element('RmtInf', [element('Ustrd', toSepaText(refund.remittanceText, 140))]),
  ]);
}
