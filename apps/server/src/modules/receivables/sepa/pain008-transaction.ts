import { isValidCreditorReference, normalizeIdentifier } from '@clientbox/contracts';
import { xmlElement as element, type XmlElement } from '../../invoices/index.ts';
import type { DirectDebitCollection, MandateAmendment, Remittance } from './direct-debit-batch.ts';
import {
  accountElement,
  agentElement,
  amountElement,
  creditorSchemeIdElement,
  nameElement,
  sepaIdentifier,
} from './sepa-elements.ts';
import { sepaFileError } from './sepa-errors.ts';
import { toSepaText } from '../domain/sepa-text.ts';

/** One DrctDbtTxInf, in the element order of the pain.008.001.02 XSD. */
export function directDebitTransaction(collection: DirectDebitCollection): XmlElement {
  const { endToEndId, mandate, debtor } = collection;
  return element('DrctDbtTxInf', [
    element('PmtId', [element('EndToEndId', sepaIdentifier(endToEndId, 'EndToEndId'))]),
    amountElement('InstdAmt', collection.amount, endToEndId),
    element('DrctDbtTx', [
      element('MndtRltdInf', [
        element('MndtId', sepaIdentifier(mandate.id, 'MndtId')),
        element('DtOfSgntr', mandate.signedOn),
        element('AmdmntInd', mandate.amendment ? 'true' : 'false'),
        mandate.amendment && amendmentDetails(mandate.amendment),
      ]),
    ]),
    agentElement('DbtrAgt', debtor.bic),
    element('Dbtr', [nameElement(debtor.name)]),
    accountElement('DbtrAcct', debtor.iban),
    remittanceElement(collection.remittance, endToEndId),
  ]);
}

/**
 * AmdmntInfDtls carries the original values. A new debtor bank is `SMNDA` in OrgnlDbtrAcct (EPC
 * AT-24): the new bank has never seen the mandate, so the debit counts as a first one again.
 */
function amendmentDetails(amendment: MandateAmendment): XmlElement {
  const originalAccount = amendment.isNewDebtorBank
    ? element('OrgnlDbtrAcct', [element('Id', [element('Othr', [element('Id', 'SMNDA')])])])
    : amendment.originalDebtorIban && accountElement('OrgnlDbtrAcct', amendment.originalDebtorIban);
  return element('AmdmntInfDtls', [
    amendment.originalMandateId && element('OrgnlMndtId', sepaIdentifier(amendment.originalMandateId, 'OrgnlMndtId')),
    amendment.originalCreditorId && creditorSchemeIdElement('OrgnlCdtrSchmeId', amendment.originalCreditorId),
    originalAccount,
  ]);
}

export function remittanceElement(remittance: Remittance, context: string): XmlElement {
  if ('unstructured' in remittance) {
    return element('RmtInf', [element('Ustrd', toSepaText(remittance.unstructured, 140))]);
  }
  const reference = normalizeIdentifier(remittance.creditorReference);
  if (!isValidCreditorReference(reference)) {
    throw sepaFileError('sepa_creditor_reference_invalid', `${context}: ${remittance.creditorReference}`);
  }
  return element('RmtInf', [
    element('Strd', [
      element('CdtrRefInf', [
        element('Tp', [element('CdOrPrtry', [element('Cd', 'SCOR')]), element('Issr', 'ISO')]),
        element('Ref', reference),
      ]),
    ]),
  ]);
}
