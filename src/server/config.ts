// Configuration: read from the environment once at start-up, validated, typed; fails fast.
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  ROUNDTABLE_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  ROUNDTABLE_PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Roundtable <roundtable@localhost>"),
  ROUNDTABLE_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ROUNDTABLE_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  ROUNDTABLE_JOBS_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  ROUNDTABLE_INACTIVE_DAYS: z.coerce.number().int().min(7).max(730).default(90),
  ROUNDTABLE_CHROMIUM: z.string().min(1).default("/usr/bin/chromium"),
  ROUNDTABLE_MAX_IMPORT_MB: z.coerce.number().int().min(1).max(4096).default(256),
  ROUNDTABLE_FEDERATION_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
});

/** The validated configuration of one Roundtable process. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionHours: number;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  /** Hour of the day (UTC) the daily digest goes out. */
  digestHourUtc: number;
  /** How often scheduled work (reminders, escalations, digests) is checked. */
  jobsIntervalMs: number;
  /** Days without a contribution before the dashboard flags an organisation (the chairs may choose another). */
  inactiveDays: number;
  /** The Chromium executable that renders insight reports to PDF. */
  chromiumPath: string;
  /** The largest STIX bundle or MISP event an import accepts, in bytes. */
  maxImportBytes: number;
  /** How often peer exchanges are polled and pushed to. */
  federationIntervalMs: number;
}

/** A configuration problem, reported to the operator as one readable message. */
export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blank = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = EnvSchema.safeParse(blank);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const publicUrl = (e.ROUNDTABLE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ROUNDTABLE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionHours: e.ROUNDTABLE_SESSION_HOURS,
    logLevel: e.LOG_LEVEL,
    digestHourUtc: e.ROUNDTABLE_DIGEST_HOUR,
    jobsIntervalMs: e.ROUNDTABLE_JOBS_SECONDS * 1000,
    inactiveDays: e.ROUNDTABLE_INACTIVE_DAYS,
    chromiumPath: e.ROUNDTABLE_CHROMIUM,
    maxImportBytes: e.ROUNDTABLE_MAX_IMPORT_MB * 1024 * 1024,
    federationIntervalMs: e.ROUNDTABLE_FEDERATION_MINUTES * 60_000,
  };
}
