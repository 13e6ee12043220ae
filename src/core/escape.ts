// Escapers for each kind of text a user's value can land in. Values are validated first; escaping is
// the second line of defence, so that no value can end a string and start code.

/** A Python string literal (JSON's escapes are all valid in Python 3 source). */
export function pythonString(value: string): string {
  return JSON.stringify(value);
}

/** A Python literal for a JSON value (strings, numbers, booleans, None, lists, dicts with string keys). */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${pythonString(key)}: ${pythonLiteral(item)}`)
    .join(', ')}}`;
}

/** Text inside a Python triple-quoted docstring. */
export function pythonDocstringText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/**
 * A single-quoted string literal inside a Jinja expression (Airflow renders templated fields with Jinja);
 * braces are escaped so that no value can close the expression.
 */
export function jinjaString(value: string): string {
  const escaped = value.replace(/[\\'{}\u0000-\u001f\u007f]/g, (character) =>
    character === '\\' || character === "'" ? `\\${character}` : `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `'${escaped}'`;
}

/** Text shown inside Markdown: no markup, links or HTML from the value. */
export function markdownText(value: string): string {
  return value.replace(/[\\`*_{}[\]()<>#+!|~-]/g, (character) => `\\${character}`);
}

/** A Markdown code span: shown as it is (no backslashes), fenced by more backticks than it holds in a row. */
export function markdownCode(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = value.startsWith('`') || value.endsWith('`') ? ` ${value} ` : value;
  return `${fence}${padded}${fence}`;
}

/** A bash word: single-quoted unless it only holds characters the shell leaves alone. */
export function shellWord(value: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
