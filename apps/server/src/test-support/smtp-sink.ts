import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope sender and recipients: who the message was really sent from and to. */
  from: string;
  to: string[];
  /** The user name the client logged in with, if it did. */
  authUser: string | undefined;
  /** Top-level headers, lower-case names, encoded words decoded. */
  headers: Record<string, string>;
  subject: string;
  /** The first text/plain part, transfer encoding undone, LF line ends, trimmed. */
  text: string;
  /** The first text/html part, transfer encoding undone, LF line ends. */
  html: string;
  /** Parts with `Content-Disposition: attachment`, their bytes decoded. */
  attachments: ReceivedAttachment[];
  raw: string;
}

export interface ReceivedAttachment {
  filename: string;
  /** The media type without parameters, lower-case. */
  contentType: string;
  content: Buffer;
}

export interface SmtpSink {
  /** Accepted by createMailer: plain SMTP on loopback, no STARTTLS attempt. */
  url: string;
  port: number;
  messages: ReceivedMail[];
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a random loopback port that keeps what it receives, for tests. AUTH is
 * offered and accepts any credentials, so a URL with user and password works too.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1_000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const envelope = session.envelope;
        messages.push({
          ...parseMailMessage(Buffer.concat(chunks)),
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((recipient) => recipient.address),
          authUser: typeof session.user === 'string' ? session.user : undefined,
        });
        for (const wake of [...waiters]) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    port,
    messages,
    waitFor: (predicate, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching mail within ${timeoutMs} ms (received: ${messages.map((mail) => `${mail.to.join(',')}: ${mail.subject}`).join(' | ') || 'none'})`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// A small MIME reader for what nodemailer writes: headers, nested multipart, quoted-printable,
// base64 and RFC 2047 encoded words. Strings hold raw bytes as latin1 until a charset is known.

interface Part {
  headers: Record<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] ??= line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function parameterOf(header: string, name: string): string | undefined {
  return new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i')
    .exec(header)
    ?.slice(1)
    .find((value) => value !== undefined);
}

function decodeBytes(latin1: string, charset = 'utf-8'): string {
  const bytes = Buffer.from(latin1, 'latin1');
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function fromQuotedPrintable(value: string): string {
  return value
    .replace(/[ \t]+(?=\r?\n)/g, '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const charset = parameterOf(part.headers['content-type'] ?? '', 'charset');
  if (encoding === 'base64')
    return decodeBytes(Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('latin1'), charset);
  if (encoding === 'quoted-printable') return decodeBytes(fromQuotedPrintable(part.body), charset);
  return decodeBytes(part.body, charset);
}

const ENCODED_WORD = /=\?([^?]+)\?([QB])\?([^?]*)\?=/gi;

/** RFC 2047: adjacent encoded words form one byte run (a character may be split across words). */
function decodeHeader(value: string): string {
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  let result = '';
  let last = 0;
  for (const run of joined.matchAll(/(?:=\?[^?]+\?[QB]\?[^?]*\?=)+/gi)) {
    result += decodeBytes(joined.slice(last, run.index));
    let bytes = '';
    let charset = 'utf-8';
    for (const [, wordCharset = 'utf-8', kind = 'Q', text = ''] of run[0].matchAll(ENCODED_WORD)) {
      charset = wordCharset.split('*')[0]!;
      bytes +=
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('latin1')
          : fromQuotedPrintable(text.replace(/_/g, ' '));
    }
    result += decodeBytes(bytes, charset);
    last = run.index + run[0].length;
  }
  return result + decodeBytes(joined.slice(last));
}

/** The exact bytes of a part: attachments are binary, so no charset decoding. */
function bodyBytes(part: Part): Buffer {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return Buffer.from(fromQuotedPrintable(part.body), 'latin1');
  return Buffer.from(part.body.replace(/\r?\n$/, ''), 'latin1');
}

function toAttachment(part: Part): ReceivedAttachment {
  const contentType = part.headers['content-type'] ?? 'application/octet-stream';
  const filename =
    parameterOf(part.headers['content-disposition'] ?? '', 'filename') ?? parameterOf(contentType, 'name') ?? '';
  return {
    filename: decodeHeader(filename),
    contentType: contentType.split(';')[0]!.trim().toLowerCase(),
    content: bodyBytes(part),
  };
}

function collect(part: Part, into: { text: string; html: string; attachments: ReceivedAttachment[] }): void {
  const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase();
  const boundary = parameterOf(part.headers['content-type'] ?? '', 'boundary');
  if (type.startsWith('multipart/') && boundary) {
    const sections = part.body.split(new RegExp(`(?:^|\\r?\\n)--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    for (const section of sections.slice(1)) {
      if (section.startsWith('--')) break;
      collect(splitPart(section.replace(/^[ \t]*\r?\n/, '')), into);
    }
    return;
  }
  if (/^attachment/i.test(part.headers['content-disposition'] ?? '')) {
    into.attachments.push(toAttachment(part));
    return;
  }
  // SMTP lines end in CRLF; tests compare with the LF strings they rendered.
  if (type.startsWith('text/html') && !into.html) into.html = decodeBody(part).replace(/\r\n/g, '\n');
  else if (type.startsWith('text/plain') && !into.text) into.text = decodeBody(part).replace(/\r\n/g, '\n');
}

/** Parses one message as nodemailer sends it; exported for the sink's own tests. */
export function parseMailMessage(
  raw: Buffer,
): Pick<ReceivedMail, 'headers' | 'subject' | 'text' | 'html' | 'attachments' | 'raw'> {
  const message = splitPart(raw.toString('latin1'));
  const headers = Object.fromEntries(
    Object.entries(message.headers).map(([name, value]) => [name, decodeHeader(value)]),
  );
  const content = { text: '', html: '', attachments: [] as ReceivedAttachment[] };
  collect(message, content);
  return {
    headers,
    subject: headers.subject ?? '',
    text: content.text.trim(),
    html: content.html,
    attachments: content.attachments,
    raw: raw.toString('utf8'),
  };
}
