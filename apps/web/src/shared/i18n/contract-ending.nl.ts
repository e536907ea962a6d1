/**
 * Ending a contract and the operator's billing: the owner's cancellation (terms art. 8), the
 * console's registration of a cancellation received by e-mail, a cancelled order (art. 14) and
 * the billing tenant in the console's settings.
 */
export const contractEndingNl = {
  'order.cancel_action': 'Abonnement opzeggen',
  'order.cancel_title': 'Abonnement opzeggen',
  'order.cancel_text':
    'Na je opzegging wordt je account binnen vijf werkdagen gedeactiveerd. Tot dat moment werkt alles zoals nu.',
  'order.cancel_export':
    'Je kunt je gegevens ook daarna nog exporteren bij Gegevens exporteren. Doe dat op tijd als je ze wilt bewaren.',
  'order.cancel_invoice': 'Een factuur die al is verstuurd, blijft verschuldigd en moet nog worden betaald.',
  'order.cancel_reason': 'Reden (niet verplicht)',
  'order.cancel_confirm': 'Ja, opzeggen',
  'order.cancelled': 'Je abonnement is opgezegd. Je account wordt op {date} gedeactiveerd.',
  'order.deactivation_title': 'Abonnement opgezegd',
  'order.deactivation_text':
    'Je account wordt op {date} gedeactiveerd. Tot dan kun je gewoon werken; exporteren blijft ook daarna mogelijk.',
  'order.deactivation_export': 'Gegevens exporteren',
  'error.contract_already_ending': 'Dit account is al opgezegd of wordt al gedeactiveerd',
  'error.cancellation_not_confirmed': 'Bevestig dat je het abonnement wilt opzeggen',
  'console.tenants.register_cancellation': 'Opzegging registreren (e-mail ontvangen)',
  'console.tenants.register_cancellation_text':
    '{tenant} heeft per e-mail opgezegd. Het account wordt binnen vijf werkdagen na ontvangst gedeactiveerd; de eigenaar krijgt een bevestiging.',
  'console.tenants.received_on': 'Ontvangen op',
  'console.tenants.cancellation_registered': 'De opzegging van {tenant} is geregistreerd: gedeactiveerd op {date}.',
  'console.tenants.cancellation_conflict': 'Dit account is al opgezegd of wordt al gedeactiveerd.',
  'console.orders.cancel': 'Bestelling annuleren (art. 14)',
  'console.orders.cancel_text':
    'De bestelling van {tenant} wordt ingetrokken voordat ze is geleverd. Volgens artikel 14 wordt 10% van de prijs voor de bestelde periode gefactureerd.',
  'console.orders.cancelled': 'De bestelling van {tenant} is geannuleerd; 10% wordt gefactureerd.',
  'console.billing.title': 'Facturering van de klanten',
  'console.billing.text':
    'Het account van waaruit de klanten van het platform worden gefactureerd: elke geaccepteerde bestelling wordt daar een abonnement met meteen de eerste factuur.',
  'console.billing.tenant': 'Factureren vanuit',
  'console.billing.none': 'Niet factureren',
  'console.billing.search': 'Zoek een account',
  'console.billing.saved': 'Klanten worden voortaan gefactureerd vanuit {tenant}.',
  'console.billing.saved_none': 'Klanten worden niet meer gefactureerd.',
  'console.billing.current': 'Nu: {tenant}',
  'error.tenant_not_found': 'Dit account bestaat niet',
} as const;
