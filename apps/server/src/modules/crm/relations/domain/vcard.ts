/** What a vCard of a person holds. */
export interface VCardPerson {
  firstName: string;
  lastName: string;
  organizations: { name: string; role: string | null }[];
  emails: { address: string; label: string | null }[];
  /** E.164 numbers, written as `tel:` URIs (RFC 6350 §6.4.1). */
  phones: { e164: string; label: string | null }[];
}

/** RFC 6350 §3.4: backslash, comma, semicolon and line breaks are escaped in text values. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

/** RFC 6350 §3.2: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A vCard 4.0 (RFC 6350): name, each organization with the role there (grouped), e-mails and phones. */
export function toVCard(person: VCardPerson): string {
  const fullName = [person.firstName, person.lastName].filter(Boolean).join(' ');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${escapeText(fullName)}`,
    `N:${escapeText(person.lastName)};${escapeText(person.firstName)};;;`,
  ];
  person.organizations.forEach((organization, index) => {
    lines.push(`org${index + 1}.ORG:${escapeText(organization.name)}`);
    if (organization.role) lines.push(`org${index + 1}.ROLE:${escapeText(organization.role)}`);
  });
  for (const email of person.emails) lines.push(`EMAIL;TYPE=work:${escapeText(email.address)}`);
  for (const phone of person.phones) lines.push(`TEL;VALUE=uri;TYPE=voice:tel:${phone.e164}`);
  lines.push('END:VCARD');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
