import { amsterdamDate, type Cents, formatAmount, parseAmount } from '@clientbox/contracts';

/** A credit transfer received on the own account, as a bank reports it. */
export interface ReceivedTransfer {
  amount: Cents;
  name: string;
  iban: string;
  /** The bank's own reference of the entry (AcctSvcrRef). */
  reference: string;
  /** Strd/CdtrRefInf: the RF reference the payer typed. */
  creditorReference: string;
}

/**
 * A camt.053.001.02 day statement of `ownIban` whose balances add up, each transfer its own
 * booked entry (RCDT/ESCT), as the bank-statement import reads it.
 */
export function camt053Statement(statementId: string, ownIban: string, transfers: ReceivedTransfer[]): string {
  const day = amsterdamDate();
  const opening = parseAmount('1000.00');
  const closing = transfers.reduce((sum, transfer) => sum + transfer.amount, opening);
  const amount = (cents: Cents) => `<Amt Ccy="EUR">${formatAmount(cents)}</Amt>`;
  const balance = (code: string, cents: Cents) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp>${amount(cents)}` +
    `<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${day}</Dt></Dt></Bal>`;
  const entry = (transfer: ReceivedTransfer) =>
    `<Ntry>${amount(transfer.amount)}<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>` +
    `<BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt><AcctSvcrRef>${transfer.reference}</AcctSvcrRef>` +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
    `<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>` +
    `<AmtDtls><TxAmt>${amount(transfer.amount)}</TxAmt></AmtDtls>` +
    `<RltdPties><Dbtr><Nm>${transfer.name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${transfer.iban}</IBAN></Id></DbtrAcct>` +
    `<CdtrAcct><Id><IBAN>${ownIban}</IBAN></Id></CdtrAcct></RltdPties>` +
    `<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp>` +
    `<Ref>${transfer.creditorReference}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>` +
    `<GrpHdr><MsgId>CAMT-${statementId}</MsgId><CreDtTm>${day}T06:00:00+01:00</CreDtTm></GrpHdr>` +
    `<Stmt><Id>${statementId}</Id><CreDtTm>${day}T06:00:00+01:00</CreDtTm>` +
    `<Acct><Id><IBAN>${ownIban}</IBAN></Id><Ccy>EUR</Ccy></Acct>` +
    balance('OPBD', opening) +
    balance('CLBD', closing) +
    transfers.map(entry).join('') +
    `</Stmt></BkToCstmrStmt></Document>`
  );
}
