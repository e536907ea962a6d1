import { type Cents, formatAmount } from '@clientbox/contracts';

/**
 * A tiny XML tree for the UBL renderer: elements are built as data, then serialized with every
 * text and attribute escaped in one place. falsy children (`null`, `false`, `''`) are left out, so optional
 * UBL elements read as `condition && element(…)`.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  content: string | XmlElement[];
}

export type XmlChild = XmlElement | null | undefined | false | '';

export function element(
  name: string,
  content: string | readonly XmlChild[],
  attributes: Record<string, string> = {},
): XmlElement {
  return {
    name,
    attributes,
    content: typeof content === 'string' ? content : content.filter((child): child is XmlElement => !!child),
  };
}

/** An amount in cents with its currency (BR-DEC: always two decimals). */
export function amountElement(name: string, cents: Cents, currency: string): XmlElement {
  return element(name, formatAmount(cents), { currencyID: currency });
}

// XML 1.0 forbids most C0 control characters even when escaped; a pasted description may hold them.
// eslint-disable-next-line no-control-regex -- matching those characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXmlText(text: string): string {
  return text.replace(FORBIDDEN_CHARACTERS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export function serializeXml(root: XmlElement, namespaces: Record<string, string>): string {
  const rootWithNamespaces = { ...root, attributes: { ...namespaces, ...root.attributes } };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeElement(rootWithNamespaces, '')}\n`;
}

function serializeElement(node: XmlElement, indent: string): string {
  const attributes = Object.entries(node.attributes)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
  if (typeof node.content === 'string') {
    return `${indent}<${node.name}${attributes}>${escapeXmlText(node.content)}</${node.name}>`;
  }
  if (node.content.length === 0) return `${indent}<${node.name}${attributes}/>`;
  const children = node.content.map((child) => serializeElement(child, `${indent}  `)).join('\n');
  return `${indent}<${node.name}${attributes}>\n${children}\n${indent}</${node.name}>`;
}
