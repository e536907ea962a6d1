import { DOMParser, type Element, onErrorStopParsing } from '@xmldom/xmldom';

/**
 * Reading ISO 20022 documents by path of local names: every element of these messages lives in
 * the one default namespace, which the parser checks once at the root.
 */
export function parseXmlDocument(xml: string): Element | null {
  // Errors stop parsing too (not only fatal ones): a half-read statement must never be booked.
  const document = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml');
  return document.documentElement;
}

export function childElements(parent: Element, name: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && (node as Element).localName === name) found.push(node as Element);
  }
  return found;
}

/** The first element at `path` below `parent` (`'Acct/Id/IBAN'`), or null. */
export function elementAt(parent: Element | null, path: string): Element | null {
  let current: Element | null = parent;
  for (const name of path.split('/')) {
    if (!current) return null;
    current = childElements(current, name)[0] ?? null;
  }
  return current;
}

/** All elements at `path`: every step may repeat (`'NtryDtls/TxDtls'`). */
export function elementsAt(parent: Element, path: string): Element[] {
  return path
    .split('/')
    .reduce<Element[]>((level, name) => level.flatMap((element) => childElements(element, name)), [parent]);
}

/** The trimmed text at `path`, or null when the element is absent or empty. */
export function textAt(parent: Element | null, path: string): string | null {
  const text = elementAt(parent, path)?.textContent?.trim();
  return text ? text : null;
}
