import { AppError } from '../../../kernel/errors/app-error.ts';

/** Error codes of the mandates and their HTTP status (the code is also the translation key). */
export const MANDATES_ERRORS: Record<string, number> = {
  mandate_not_found: 404,
  mandate_id_taken: 409,
  mandate_revoked: 409,
  mandate_pending: 409,
  mandate_already_signed: 409,
  /** Sending the signing link needs an address: `to`, or an e-mail address of the customer in the CRM. */
  no_mandate_email: 422,
  /** The quote page offers a mandate only after acceptance, and only when the supplier can collect (creditor id). */
  mandate_not_offered: 409,
};

export const mandateNotFound = () => new AppError('mandate_not_found');

/** A mandate id is given out once per creditor, also when the mandate it named is revoked (§5.2). */
export const mandateIdTaken = (mandateId: string) =>
  new AppError('mandate_id_taken', {
    detail: `Mandate id ${mandateId} is already used by a mandate of this account; an id is never used twice.`,
    fields: [{ field: 'mandate_id', code: 'mandate_id_taken', message: 'mandate_id_taken' }],
  });

export const mandateRevoked = () =>
  new AppError('mandate_revoked', { detail: 'This mandate is revoked; the debtor has to sign a new one.' });

export const mandatePending = () =>
  new AppError('mandate_pending', { detail: 'The debtor has not signed this mandate yet.' });

export const mandateAlreadySigned = () =>
  new AppError('mandate_already_signed', { detail: 'This mandate has already been signed.' });

export const customerNotFound = () =>
  new AppError('validation_failed', {
    fields: [{ field: 'customer_id', code: 'customer_not_found', message: 'customer_not_found' }],
  });

/** The B2B scheme has no refund right and is for business debtors only (§5.2). */
export const b2bNeedsOrganization = () =>
  new AppError('validation_failed', {
    fields: [{ field: 'scheme', code: 'b2b_requires_organization', message: 'b2b_requires_organization' }],
  });

export const noMandateEmail = () =>
  new AppError('no_mandate_email', {
    detail: 'The customer has no e-mail address; give one in `to`.',
    fields: [{ field: 'to', code: 'required', message: 'required' }],
  });
