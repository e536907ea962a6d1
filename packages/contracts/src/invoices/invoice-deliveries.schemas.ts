import { z } from 'zod';
import { clearable, email, timestamp } from '../common/fields.ts';

/** How an issued invoice reached the customer: by the app's e-mail, or marked as sent otherwise. */
export const INVOICE_DELIVERY_CHANNELS = ['email', 'post', 'hand', 'other'] as const;
export type InvoiceDeliveryChannel = (typeof INVOICE_DELIVERY_CHANNELS)[number];

/** Copies to a bookkeeper or a colleague; more looks like a mailing, not an invoice. */
const MAX_CC = 10;

/**
 * E-mail an issued invoice with its stored PDF and UBL attached. `to` left out: the customer's
 * invoice e-mail address (422 `no_invoice_email`, field `to`, when it has none).
 */
export const sendInvoice = z.strictObject({
  to: clearable(email),
  cc: z.array(email).max(MAX_CC, { message: 'too_many_recipients' }).default([]),
  /** A personal word above the standard text. */
  message: clearable(z.string().trim().max(5000, { message: 'too_long' })),
});
export type SendInvoice = z.infer<typeof sendInvoice>;
export type SendInvoiceInput = z.input<typeof sendInvoice>;

/** Sent another way (by post, handed over): logged like an e-mail, `sent_at` set if it was empty. */
export const markInvoiceSent = z.strictObject({
  method: z.enum(['post', 'hand', 'other'], { message: 'invalid_delivery_method' }).default('other'),
  note: clearable(z.string().trim().max(500, { message: 'too_long' })),
});
export type MarkInvoiceSent = z.infer<typeof markInvoiceSent>;
export type MarkInvoiceSentInput = z.input<typeof markInvoiceSent>;

/** One entry of an invoice's sent log. */
export const invoiceDelivery = z.object({
  object: z.literal('invoice_delivery'),
  id: z.uuid(),
  invoice_id: z.uuid(),
  sent_at: timestamp,
  channel: z.enum(INVOICE_DELIVERY_CHANNELS),
  /** E-mail: the address it went to; null for the other channels. */
  to: z.string().nullable(),
  cc: z.array(z.string()),
  /** Who sent it or marked it as sent. */
  actor_name: z.string().nullable(),
  /** E-mail: the Message-ID the mail server accepted, for tracing a bounce or a question. */
  message_id: z.string().nullable(),
  note: z.string().nullable(),
});
export type InvoiceDelivery = z.infer<typeof invoiceDelivery>;

/**
 * The answer to a send request (202): the e-mail goes out in a background job, so the request
 * never waits on the mail server. Follow it at `GET /api/v1/jobs/{job_id}`; when completed, its
 * `result` is the `invoice_delivery`.
 */
export const invoiceSending = z.object({
  object: z.literal('invoice_sending'),
  job_id: z.uuid(),
  invoice_id: z.uuid(),
  to: z.string(),
  cc: z.array(z.string()),
});
export type InvoiceSending = z.infer<typeof invoiceSending>;
