import { parse } from 'yaml';
import builtIn from './aliases.json' with { type: 'json' };

/**
 * Names people type for someone that the sources never write: nicknames and initials (FDR, JFK,
 * Ike, "Teddy Roosevelt"), and names for people the sources name only by a role. Data, not code:
 * the built-in list (aliases.json beside this file) is always applied, and a knowledge folder's
 * `aliases.yaml` adds to it. An entry is `name as the sources write it: [alias, alias]`.
 */
export type AliasTable = Record<string, string[]>;

/** The built-in aliases (its `_about` key documents the file and is not a name). */
export const BUILT_IN_ALIASES: AliasTable = Object.fromEntries(
  Object.entries(builtIn as Record<string, unknown>).filter(([k, v]) => !k.startsWith('_') && Array.isArray(v)),
) as AliasTable;

/** The file name of a knowledge folder's own alias list. */
export const ALIAS_FILE = 'aliases.yaml';

/**
 * Reads an alias file: a YAML mapping of name → alias or list of aliases. Returns the table and a
 * description of every entry that is not usable (never throws: a bad file is a problem to report).
 */
export function parseAliasFile(text: string): { aliases: AliasTable; problems: string[] } {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    return { aliases: {}, problems: [`not valid YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  if (data === null || data === undefined) return { aliases: {}, problems };
  if (typeof data !== 'object' || Array.isArray(data)) return { aliases: {}, problems: ['must be a mapping of "name: [alias, …]"'] };
  const aliases: AliasTable = {};
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
    if (!list?.every((v) => typeof v === 'string' || typeof v === 'number')) {
      problems.push(`"${name}": aliases must be a name or a list of names`);
      continue;
    }
    aliases[name] = list.map(String).filter((v) => v.trim());
  }
  return { aliases, problems };
}

/** Several tables as one (later tables add aliases to the same names). */
export function mergeAliases(...tables: Array<AliasTable | undefined>): AliasTable {
  const out: AliasTable = {};
  for (const t of tables) for (const [name, list] of Object.entries(t ?? {})) out[name] = [...(out[name] ?? []), ...list];
  return out;
}
