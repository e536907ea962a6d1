import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting the process reads from the environment, validated once at start.
 * A wrong value stops the process with one line per wrong variable (see formatConfigErrors).
 */
const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_APP_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Clientbox <no-reply@clientbox.localhost>'),
  PUBLIC_BASE_URL: z.url('must be an absolute URL such as https://app.example.nl').optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
  // The operator's identity (terms: "Clientbox B.V."): configuration, shown in footers, e-mails
  // and on the terms page, never hard-coded in texts.
  OPERATOR_NAME: z.string().min(1).default('Clientbox B.V.'),
  OPERATOR_ADDRESS: z.string().min(1).default('Voorbeeldstraat 1, 1234 AB Amsterdam'),
  OPERATOR_SUPPORT_EMAIL: z.email('must be an e-mail address').default('support@clientbox.localhost'),
  OPERATOR_PHONE: z.string().min(1).default('+31 20 123 4567'),
  OPERATOR_HELPDESK_HOURS: z.string().min(1).default('ma–vr 9:00–16:30'),
  OPERATOR_WEBSITE: z.url('must be an absolute URL').optional(),
  // Tests and demos only: lets `PUT /api/v1/dev/clock` move the scheduled work's day forward.
  CLOCK_ADJUSTABLE: z.enum(['true', 'false'], 'must be true or false').default('false'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Login role for tenant requests on a real server; derived from DATABASE_URL when not given. */
  databaseAppUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicBaseUrl: string;
  /** Secret for sessions and tokens; when unset it is generated once and kept in DATA_DIR. */
  authSecret: string | undefined;
  logLevel: string;
  isProduction: boolean;
  /** The scheduled work's clock may be moved forward (`CLOCK_ADJUSTABLE=true`, tests and demos). */
  isClockAdjustable: boolean;
  operator: OperatorIdentity;
}

export interface OperatorIdentity {
  name: string;
  address: string;
  support_email: string;
  phone: string;
  helpdesk_hours: string;
  website: string;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.problems = problems;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environment.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}: ${issue.message} (got ${JSON.stringify(cleaned[name] ?? null)})`;
      }),
    );
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    databaseAppUrl: values.DATABASE_APP_URL,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    publicBaseUrl: (values.PUBLIC_BASE_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    authSecret: values.AUTH_SECRET,
    logLevel: values.LOG_LEVEL,
    isProduction: values.NODE_ENV === 'production',
    isClockAdjustable: values.CLOCK_ADJUSTABLE === 'true',
    operator: {
      name: values.OPERATOR_NAME,
      address: values.OPERATOR_ADDRESS,
      support_email: values.OPERATOR_SUPPORT_EMAIL,
      phone: values.OPERATOR_PHONE,
      helpdesk_hours: values.OPERATOR_HELPDESK_HOURS,
      website: (values.OPERATOR_WEBSITE ?? values.PUBLIC_BASE_URL ?? `http://localhost:${values.PORT}`).replace(
        /\/$/,
        '',
      ),
    },
  };
}
