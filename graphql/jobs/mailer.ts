// E-mail for the jobs: rows of the email_outbox table, sent over SMTP (nodemailer) when SMTP_URL is set.
// Without SMTP_URL nothing is sent: the rows stay in the outbox for an administrator to read.
//
// Sending claims unsent rows with FOR UPDATE SKIP LOCKED inside one transaction, so two runs at the same time never
// send the same row twice. A row that fails keeps sent_at empty and records the error; the next run retries it.
// (A crash between the SMTP server accepting a message and the commit can send it again: at least once, never lost.)
import nodemailer from 'nodemailer';
import type { PrismaClient } from '../../prisma/client';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** What the job needs of a transport: nodemailer's `Transporter` fits, and tests inject a fake one. */
export interface MailTransport {
  sendMail(message: MailMessage): Promise<unknown>;
}

/** A nodemailer SMTP transport for SMTP_URL (smtp:// or smtps://). Opens no connection until it sends. */
export function smtpTransport(smtpUrl: string): MailTransport & { close(): void } {
  return nodemailer.createTransport(smtpUrl);
}

export interface SendOutboxResult {
  sent: number;
  failed: { id: string; toAddress: string; error: string }[];
}

/** How many rows one run sends at most (the rest wait for the next run). */
export const OUTBOX_BATCH = 500;

/** Sends unsent outbox rows (oldest first) and sets sent_at, or `error` when the SMTP server refused. */
export async function sendOutbox(
  db: PrismaClient,
  transport: MailTransport,
  from: string,
  options: { limit?: number } = {},
): Promise<SendOutboxResult> {
  const limit = options.limit ?? OUTBOX_BATCH;
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; toAddress: string; subject: string; body: string }[]>`
        SELECT id, to_address AS "toAddress", subject, body
        FROM email_outbox
        WHERE sent_at IS NULL
        ORDER BY created_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
      const sent: string[] = [];
      const failed: SendOutboxResult['failed'] = [];
      for (const row of rows) {
        try {
          await transport.sendMail({ from, to: row.toAddress, subject: row.subject, text: row.body });
          sent.push(row.id);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          failed.push({ id: row.id, toAddress: row.toAddress, error: message.slice(0, 1000) });
        }
      }
      if (sent.length) {
        await tx.emailOutbox.updateMany({ where: { id: { in: sent } }, data: { sentAt: new Date(), error: null } });
      }
      // Failures are rare: one statement each is fine.
      for (const failure of failed) {
        await tx.emailOutbox.update({ where: { id: failure.id }, data: { error: failure.error } });
      }
      return { sent: sent.length, failed };
    },
    // SMTP is slow next to SQL: let a full batch finish.
    { maxWait: 10_000, timeout: 15 * 60_000 },
  );
}
