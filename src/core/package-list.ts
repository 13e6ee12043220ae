// `--packages "requests pandas==2.2.3; python_version >= '3.10' pyarrow"`: several requirements in one
// value. Whitespace separates requirements, except where a requirement is not finished: inside [extras] or
// (versions), around a version operator (`pandas >= 2.0`), around the "@" of a URL requirement, and in
// an environment marker after ";" until the marker is complete (quoted strings may hold spaces).
// One pass over the text: linear time whatever the input.

const CONTINUES_AFTER = new Set([',', '<', '>', '=', '!', '~', '[', '(', '@', ';']);
const CONTINUES_BEFORE = new Set([',', '<', '>', '=', '!', '~', '[', ']', '(', ')', '@', ';']);
const SPACE = new Set([' ', '\t', '\n']);

type MarkerState = 'left' | 'operator' | 'right' | 'after';

/** Where the environment marker starting at `start` (just after ";") ends, given the text. */
function markerEnd(text: string, start: number): number {
  let state: MarkerState = 'left';
  let depth = 0;
  let index = start;
  let end = text.length;
  while (index < text.length) {
    while (index < text.length && SPACE.has(text[index]!)) index += 1;
    if (index >= text.length) break;
    const character = text[index]!;
    let lexeme: string;
    let next: number;
    if (character === '"' || character === "'") {
      const close = text.indexOf(character, index + 1);
      next = close === -1 ? text.length : close + 1;
      lexeme = 'string';
    } else if (/[A-Za-z0-9_.]/.test(character)) {
      next = index;
      while (next < text.length && /[A-Za-z0-9_.]/.test(text[next]!)) next += 1;
      lexeme = text.slice(index, next);
    } else if (/[<>=!~]/.test(character)) {
      next = index;
      while (next < text.length && /[<>=!~]/.test(text[next]!)) next += 1;
      lexeme = 'operator';
    } else {
      next = index + 1;
      lexeme = character;
    }
    if (state === 'after' && depth === 0 && lexeme !== 'and' && lexeme !== 'or') {
      end = index;
      break;
    }
    if (lexeme === '(' && state === 'left') depth += 1;
    else if (lexeme === ')' && state === 'after') depth = Math.max(0, depth - 1);
    else if (state === 'after')
      state = 'left'; // and / or
    else if (state === 'left') state = 'operator';
    else if (state === 'operator')
      state = lexeme === 'not' ? 'operator' : 'right'; // "not in" is one operator
    else if (state === 'right') state = 'after';
    index = next;
  }
  // Trailing spaces belong to the separator, not to the marker.
  while (end > start && SPACE.has(text[end - 1]!)) end -= 1;
  return end;
}

/** The requirements of a --packages value, each as the text the user wrote. */
export function splitPackages(value: string): string[] {
  const specs: string[] = [];
  let index = 0;
  while (index < value.length) {
    while (index < value.length && SPACE.has(value[index]!)) index += 1;
    if (index >= value.length) break;
    const start = index;
    let depth = 0;
    let end = index;
    while (index < value.length) {
      const character = value[index]!;
      if (character === ';' && depth === 0) {
        end = markerEnd(value, index + 1);
        index = end;
        break;
      }
      if (SPACE.has(character) && depth === 0) {
        // Look past the spaces: does the requirement go on?
        let after = index;
        while (after < value.length && SPACE.has(value[after]!)) after += 1;
        const previous = value[index - 1]!;
        if (after < value.length && (CONTINUES_AFTER.has(previous) || CONTINUES_BEFORE.has(value[after]!))) {
          index = after;
          continue;
        }
        break;
      }
      if (character === '[' || character === '(') depth += 1;
      if ((character === ']' || character === ')') && depth > 0) depth -= 1;
      index += 1;
      end = index;
    }
    specs.push(value.slice(start, Math.max(end, index)).trim());
  }
  return specs.filter(Boolean);
}
