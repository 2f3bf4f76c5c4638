import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  fields: Record<string, unknown>;
  body: string;
  /** Lines taken by the front matter block, so body line numbers can be reported. */
  lines: number;
}

/** Splits an optional `---` YAML block from the top of a text file. Throws with a line number on bad YAML. */
export function splitFrontMatter(raw: string): FrontMatter {
  const text = raw.replace(/^\uFEFF/, '');
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) {
    if (/^---[ \t]*\r?\n/.test(text)) throw new FrontMatterError('front matter starts with "---" but never ends with a "---" line', 1);
    return { fields: {}, body: text, lines: 0 };
  }
  let fields: unknown;
  try {
    fields = parseYaml(m[1] ?? '', { schema: 'core' });
  } catch (err) {
    const line = (err as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    // The line goes in file:line; the parser's own "at line 2, column 1:" would say it twice, in YAML's numbering.
    const reason = ((err as Error).message.split('\n')[0] ?? '').replace(/\s*at line \d+, column \d+:?\s*$/, '').replace(/[:\s]+$/, '');
    throw new FrontMatterError(`front matter is not valid YAML: ${reason}`, (line ?? 0) + 1);
  }
  if (fields !== null && (typeof fields !== 'object' || Array.isArray(fields))) {
    throw new FrontMatterError('front matter must be "key: value" lines', 2);
  }
  return { fields: (fields ?? {}) as Record<string, unknown>, body: text.slice(m[0].length), lines: m[0].split('\n').length - 1 };
}

class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}
