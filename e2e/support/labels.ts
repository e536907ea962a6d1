/** The visible texts the journeys use, per language (they come from the web app's catalogs). */
export const LABELS = {
  nl: {
    language: 'Taal', companyName: 'Bedrijfsnaam', yourName: 'Je naam', email: 'E-mailadres', password: 'Wachtwoord',
    createAccount: 'Account aanmaken', checkMail: 'Check je e-mail', welcome: 'Welkom', company: 'Bedrijfsgegevens', users: 'Gebruikers',
    kvk: 'KvK-nummer', vat: 'Btw-nummer', iban: 'IBAN', city: 'Plaats', save: 'Opslaan', saved: 'Opgeslagen',
    kvkError: 'Een KvK-nummer heeft precies 8 cijfers', invite: 'Uitnodigen', accept: 'Uitnodiging accepteren', logout: 'Uitloggen', login: 'Inloggen',
    verifySubject: 'Bevestig je e-mailadres voor Clientbox', menu: 'Menu',
  },
  en: {
    language: 'Language', companyName: 'Company name', yourName: 'Your name', email: 'E-mail address', password: 'Password',
    createAccount: 'Create account', checkMail: 'Check your e-mail', welcome: 'Welcome', company: 'Company details', users: 'Users',
    kvk: 'KvK number', vat: 'VAT number', iban: 'IBAN', city: 'City', save: 'Save', saved: 'Saved',
    kvkError: 'A KvK number has exactly 8 digits', invite: 'Invite', accept: 'Accept invitation', logout: 'Log out', login: 'Log in',
    verifySubject: 'Confirm your e-mail address for Clientbox', menu: 'Menu',
  },
} as const;
