/**
 * A stored file's name is a relative path with `/` separators, as it appears in the knowledge
 * folder and as export writes it back. Anything that could escape the export folder or hide from
 * the loader is refused before it is stored.
 */
export class StoreError extends Error {
  override name = 'StoreError';
}

const MAX_NAME = 512;

/** The normalised name, or a StoreError saying why it cannot be stored. */
export function checkFileName(fileName: string): string {
  const name = fileName.replace(/\\/g, '/');
  if (!name || name.length > MAX_NAME) throw new StoreError(`file name must be 1 to ${MAX_NAME} characters`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a file name with control characters is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new StoreError(`file name "${name}" has control characters`);
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw new StoreError(`file name "${name}" must be relative`);
  const parts = name.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new StoreError(`file name "${name}" has an empty, "." or ".." part`);
  if (parts.some((p) => p.startsWith('.'))) throw new StoreError(`file name "${name}" has a hidden part (starting with "."), which the loader skips`);
  return name;
}

/** A JSONL collection is stored one record (line) per row and exported back as one file. */
export function isCollection(name: string): boolean {
  return name.toLowerCase().endsWith('.jsonl');
}
