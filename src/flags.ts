import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Command-line flags for every command (`npm start`, `ask`, `lint:knowledge`, `register`), read
 * strictly: an unknown or malformed flag is a usage error (exit 2, the usage on stderr), never
 * ignored; `--help` prints the usage on stdout and exits 0.
 */
/** `… | head` closing the pipe early is the reader's choice, not a crash: stop quietly. */
let quiet = false;
function quietOnClosedPipe(): void {
  if (quiet) return;
  quiet = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(Number(process.exitCode ?? 0));
      throw err;
    });
  }
}

export function readFlags<O extends NonNullable<ParseArgsConfig['options']>>(
  name: string,
  usage: string,
  options: O,
  { positionals = true, argv = process.argv.slice(2) }: { positionals?: boolean; argv?: string[] } = {},
):
  | { values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values']; positionals: string[] }
  | { exit: number } {
  quietOnClosedPipe();
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: positionals,
      strict: true,
    });
    if ((parsed.values as { help?: boolean }).help) {
      process.stdout.write(usage);
      return { exit: 0 };
    }
    return { values: parsed.values as never, positionals: parsed.positionals };
  } catch (err) {
    process.stderr.write(`${name}: ${usageError(err)}\n\n${usage}`);
    return { exit: 2 };
  }
}

/** Node's parser messages, shortened to what the user typed wrong. */
function usageError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const flag = /'([^']+)'/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) return `unknown option ${flag}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag)
    return `${flag.split(' ')[0]} ${/does not take/.test(e.message) ? 'takes no value' : 'needs a value'}`;
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && flag) return `unexpected argument ${flag}`;
  return e.message;
}
