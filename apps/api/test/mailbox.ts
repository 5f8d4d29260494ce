import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eventually } from './harness';

/** A message as the SMTP server on loopback received it: recipients, headers, decoded plain text. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  headers: Record<string, string>;
  text: string;
}

function decodeWords(value: string) {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

/** Enough MIME for what nodemailer sends: unfolded headers, RFC 2047 words, quoted-printable or base64 text. */
export function parse(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  let body = raw.slice(split + 4);
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')) {
    body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  } else if (/base64/i.test(headers['content-transfer-encoding'] ?? '')) {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { to, subject: headers.subject ?? '', headers, text: body.replace(/\r\n/g, '\n') };
}

/** A real SMTP server (the smtp-server package) on a loopback port, keeping what it receives. */
export class Mailbox {
  readonly received: ReceivedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        this.received.push(parse(Buffer.concat(chunks).toString('latin1'), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  to(email: string) {
    return this.received.filter((m) => m.to.includes(email));
  }

  /** Waits for the `n`th message to `email` and returns the token of the link in it. */
  async link(email: string, n = 1): Promise<{ mail: ReceivedMail; token: string; url: string }> {
    const mail = await eventually(() => {
      const all = this.to(email);
      if (all.length < n) throw new Error(`${all.length} messages to ${email}, waiting for ${n}`);
      return all[n - 1];
    });
    const url = /(https?:\/\/\S+\?token=[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (!url) throw new Error(`no link in: ${mail.text}`);
    return { mail, url, token: new URL(url).searchParams.get('token')! };
  }
}
