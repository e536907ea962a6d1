import { AppError } from '../../kernel/errors/app-error.ts';

/** Error codes of the quotes module and their HTTP status (the code is also the translation key). */
export const QUOTES_ERRORS: Record<string, number> = {
  quote_not_found: 404,
  quote_not_draft: 409,
  quote_incomplete: 422,
  quote_not_sent: 409,
  quote_not_revisable: 409,
  quote_superseded: 409,
  quote_expired: 409,
  quote_already_accepted: 409,
  quote_already_declined: 409,
  quote_not_accepted: 409,
  quote_already_converted: 409,
};

export const quoteNotFound = () => new AppError('quote_not_found');

/** Once sent, the customer may accept exactly what was sent: change it by revising. */
export const quoteNotDraft = () =>
  new AppError('quote_not_draft', { detail: 'This quote has been sent; revise it to change it.' });

/** One error per missing item, each naming its field, like an invoice's. */
export const quoteIncomplete = (fields: { field: string; code: string }[]) =>
  new AppError('quote_incomplete', {
    detail: 'The quote cannot be sent yet.',
    fields: fields.map((field) => ({ ...field, message: field.code })),
  });

export const quoteNotSent = () =>
  new AppError('quote_not_sent', { detail: 'This quote is still a draft: send it first.' });

export const quoteNotRevisable = () =>
  new AppError('quote_not_revisable', {
    detail: 'Only a sent, viewed, expired or declined quote that has no newer version can be revised.',
  });

export const quoteNotAccepted = () =>
  new AppError('quote_not_accepted', { detail: 'Only an accepted quote becomes an invoice.' });

export const quoteAlreadyConverted = (invoiceId: string) =>
  new AppError('quote_already_converted', { detail: `This quote already became invoice ${invoiceId}.` });

export const customerNotFound = () =>
  new AppError('validation_failed', {
    fields: [{ field: 'customer_id', code: 'customer_not_found', message: 'customer_not_found' }],
  });

const REFUSAL_DETAIL: Record<string, string> = {
  quote_superseded: 'A newer version of this quote replaced it.',
  quote_already_accepted: 'This quote has already been accepted.',
  quote_already_declined: 'This quote has already been declined.',
  quote_expired: 'This quote is no longer valid.',
};

/** Why the customer's answer is refused (see `responseRefusal`). */
export const responseRefused = (code: string) => new AppError(code, { detail: REFUSAL_DETAIL[code] });
