/**
 * The one pino logger. Fields first, message second, errors under `err`.
 * Secrets never reach the output: known fields are redacted by path, and every line is scrubbed
 * of the bot token and of interaction/webhook tokens that discord.js puts in error URLs.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: string;
  format: 'pretty' | 'json';
  /** Strings that must never appear in a log line (the bot token). */
  secrets?: (string | undefined)[];
  /** Where JSON lines go (tests capture them); default stdout. */
  destination?: pino.DestinationStream;
}

const REDACT = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'discordToken',
  '*.discordToken',
  'err.requestBody',
];

/** `/interactions/<id>/<token>/callback` and `/webhooks/<app>/<token>` carry short-lived secrets. */
const URL_TOKENS = /(\/(?:interactions|webhooks)\/\d+\/)[\w.-]{20,}/g;

function scrub(line: string, secrets: string[]): string {
  let out = line.replace(URL_TOKENS, '$1[redacted]');
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join('[redacted]');
  return out;
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length > 0);
  const base: pino.LoggerOptions = {
    level: options.level,
    redact: { paths: REDACT, censor: '[redacted]' },
    hooks: { streamWrite: (s) => scrub(s, secrets) },
    serializers: { err: pino.stdSerializers.err },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.format === 'pretty') {
    // pino-pretty is a devDependency: only development asks for it.
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true, sync: true } } });
  }
  return pino(base, pino.destination({ dest: 1, sync: true }));
}

/** A logger that writes nothing (tests and library use). */
export const silentLogger: Logger = pino({ level: 'silent' });
