import type { MandateScheme } from '@clientbox/contracts';

type MandateType = 'recurrent' | 'one_off';

/**
 * The text a debtor agrees to when signing, after the EPC rulebooks' mandate wording and the
 * Dutch standard form of Betaalvereniging Nederland: CORE keeps the 8-week refund right; B2B has
 * none, is for businesses only and must be registered at the debtor's bank first (§5.2).
 */
export function mandateLegalText(creditorName: string, scheme: MandateScheme, type: MandateType) {
  const recurring = type === 'recurrent';
  const nl =
    `Door ondertekening van dit formulier geeft u toestemming aan ${creditorName} om ` +
    (recurring ? 'doorlopende incasso-opdrachten' : 'een eenmalige incasso-opdracht') +
    ' te sturen naar uw bank om een bedrag van uw rekening af te schrijven en aan uw bank om ' +
    (recurring ? 'doorlopend' : 'eenmalig') +
    ` een bedrag van uw rekening af te schrijven overeenkomstig de opdracht van ${creditorName}. ` +
    (scheme === 'CORE'
      ? 'Als u het niet eens bent met deze afschrijving kunt u deze laten terugboeken. Neem hiervoor binnen 8 weken na afschrijving contact op met uw bank. Vraag uw bank naar de voorwaarden.'
      : 'Deze machtiging is uitsluitend bedoeld voor incasso’s tussen bedrijven. U heeft geen recht op terugboeking van een afschrijving, maar u kunt uw bank vragen een afschrijving tegen te houden tot en met de dag waarop de betaling verschuldigd is. Uw bank moet deze machtiging vastleggen voordat er geïncasseerd kan worden.');
  const en =
    `By signing this mandate form, you authorise (A) ${creditorName} to send ` +
    (recurring ? 'recurring instructions' : 'a one-off instruction') +
    ` to your bank to debit your account and (B) your bank to debit your account in accordance with the instructions from ${creditorName}. ` +
    (scheme === 'CORE'
      ? 'As part of your rights, you are entitled to a refund from your bank under the terms and conditions of your agreement with your bank. A refund must be claimed within 8 weeks starting from the date on which your account was debited. Your rights are explained in a statement that you can obtain from your bank.'
      : 'This mandate is only intended for business-to-business transactions. You are not entitled to a refund from your bank after your account has been debited, but you are entitled to request your bank not to debit your account up until the day on which the payment is due. Your bank must register this mandate before it can be used.');
  return { nl, en };
}
