import { formatPhoneNumber } from '@clientbox/contracts';
import { addressLines, groupsOfFour } from './format.ts';
import { PAGE, SIZE } from './pdf-canvas.ts';
import type { RenderContext } from './render-context.ts';

const LOGO_BOX = { width: 170, height: 60 } as const;
const SUPPLIER_X = 360;
const SUPPLIER_WIDTH = PAGE.right - SUPPLIER_X;
/** The customer's address sits where the window of a DIN 5008 envelope shows it (45 mm down), below the logo. */
const CUSTOMER_TOP = 128;
const CUSTOMER_WIDTH = 260;

type PhoneRegion = Parameters<typeof formatPhoneNumber>[1];

function drawLogo({ canvas, document }: RenderContext): void {
  const logo = document.supplier.logo;
  if (!logo) return;
  try {
    canvas.doc.image(Buffer.from(logo.data_base64, 'base64'), PAGE.left, PAGE.top, {
      fit: [LOGO_BOX.width, LOGO_BOX.height],
    });
  } catch {
    // A logo that cannot be decoded must not stop a legal document from being issued.
  }
}

/** A column of lines; the first in bold. Returns the y below it. */
function drawColumn(context: RenderContext, lines: string[], x: number, y: number, width: number): number {
  let cursor = y;
  lines.forEach((line, index) => {
    const style = { width, font: index === 0 ? ('bold' as const) : ('regular' as const), size: SIZE.body };
    cursor += line === '' ? 6 : context.canvas.text(line, x, cursor, style);
  });
  return cursor;
}

/** Supplier (top right) and customer (address window, left): domain rules §1.1 items 2 and 3. */
export function drawParties(context: RenderContext): void {
  const { document, labels } = context;
  const { supplier, customer, language } = document;
  const customerCountry = customer.address?.country ?? supplier.address.country;
  drawLogo(context);

  const supplierLines = [
    supplier.name,
    ...addressLines(supplier.address, customerCountry, language),
    '',
    `${labels.kvk} ${supplier.kvk_number}`,
    `${labels.vatNumber} ${supplier.vat_number}`,
    `${labels.iban} ${groupsOfFour(supplier.iban)}`,
    ...(supplier.bic ? [`${labels.bic} ${supplier.bic}`] : []),
    ...[
      supplier.email,
      supplier.phone ? formatPhoneNumber(supplier.phone, customerCountry.toUpperCase() as PhoneRegion) : null,
      supplier.website,
    ].filter((value): value is string => Boolean(value)),
  ];
  const supplierBottom = drawColumn(context, supplierLines, SUPPLIER_X, PAGE.top, SUPPLIER_WIDTH);

  const customerLines = [
    customer.name,
    ...(customer.contact_name ? [`${labels.attention} ${customer.contact_name}`] : []),
    ...(customer.address ? addressLines(customer.address, supplier.address.country, language) : []),
    ...(customer.vat_number || customer.kvk_number ? [''] : []),
    ...(customer.vat_number ? [`${labels.vatNumber} ${customer.vat_number}`] : []),
    ...(customer.kvk_number ? [`${labels.kvk} ${customer.kvk_number}`] : []),
  ];
  const customerBottom = drawColumn(context, customerLines, PAGE.left, CUSTOMER_TOP, CUSTOMER_WIDTH);

  context.canvas.y = Math.max(supplierBottom, customerBottom) + 24;
}
