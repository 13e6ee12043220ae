// Airflow renders every --env value with Jinja: `{{ ds }}` is the point, but `{#ff0000` (a comment that never
// ends) or `{% if %}` without its end fail when the task runs. This accepts the part of Jinja a constant needs
// and checks it the way Jinja's lexer and parser would: text, `{{ expression }}`, `{# comment #}` and
// `{% raw %}...{% endraw %}` (for literal braces). Other statements ({% if %}, {% for %}...) are refused:
// logic belongs in the pod script. Stricter than Jinja, never looser; one pass, bounded nesting.
import type { Verdict } from './field-error.js';
import { t } from './i18n/translate.js';

const MAX_DEPTH = 32;

type Token = { kind: 'name' | 'string' | 'number' | 'operator' | 'end'; text: string };

const OPERATORS = [
  '//',
  '**',
  '==',
  '!=',
  '<=',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '~',
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  ':',
  '|',
  '=',
];

class ExpressionError extends Error {}

/** Tokens of `{{ ... }}` from `start` (after the opening delimiter); returns them and where the expression ends. */
function tokenize(text: string, start: number): { tokens: Token[]; next: number } {
  const tokens: Token[] = [];
  const brackets: string[] = [];
  let index = start;
  while (index < text.length) {
    const character = text[index]!;
    if (/\s/.test(character)) {
      index += 1;
      continue;
    }
    if (brackets.length === 0) {
      const end = /^-?\}\}/.exec(text.slice(index, index + 3));
      if (end) return { tokens: [...tokens, { kind: 'end', text: '' }], next: index + end[0].length };
    }
    if (/[A-Za-z_]/.test(character)) {
      let stop = index + 1;
      while (stop < text.length && /[A-Za-z0-9_]/.test(text[stop]!)) stop += 1;
      tokens.push({ kind: 'name', text: text.slice(index, stop) });
      index = stop;
    } else if (/[0-9]/.test(character)) {
      const number = /^[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9][0-9_]*)?/.exec(text.slice(index, index + 64))![0];
      tokens.push({ kind: 'number', text: number });
      index += number.length;
    } else if (character === '"' || character === "'") {
      let stop = index + 1;
      while (stop < text.length && text[stop] !== character) stop += text[stop] === '\\' ? 2 : 1;
      if (stop >= text.length) throw new ExpressionError(t('jinja.stringNotClosed'));
      tokens.push({ kind: 'string', text: text.slice(index, stop + 1) });
      index = stop + 1;
    } else {
      const operator = OPERATORS.find((candidate) => text.startsWith(candidate, index));
      if (!operator) throw new ExpressionError(t('jinja.badCharacter', { character }));
      if ('([{'.includes(operator)) brackets.push(operator);
      if (')]}'.includes(operator)) {
        const open = brackets.pop();
        if (open === undefined || '([{'.indexOf(open) !== ')]}'.indexOf(operator)) throw new ExpressionError(t('jinja.brackets'));
      }
      tokens.push({ kind: 'operator', text: operator });
      index += operator.length;
    }
  }
  throw new ExpressionError(t('jinja.notClosed'));
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else']);

/** A recursive-descent parser of Jinja's expression grammar (jinja2/parser.py), a subset of it. */
class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): void {
    if (this.peek().kind === 'end') throw new ExpressionError(t('jinja.empty'));
    this.expression();
    if (this.peek().kind !== 'end') throw new ExpressionError(t('jinja.unexpected', { token: this.peek().text }));
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)]!;
  }

  private is(text: string, kind?: Token['kind']): boolean {
    const token = this.peek();
    return token.text === text && (kind === undefined || token.kind === kind) && token.kind !== 'string';
  }

  private take(text?: string): Token {
    const token = this.peek();
    if (text !== undefined && !this.is(text)) throw new ExpressionError(t('jinja.expected', { token: text }));
    if (token.kind === 'end') throw new ExpressionError(t('jinja.endsEarly'));
    this.position += 1;
    return token;
  }

  private nested(parse: () => void): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw new ExpressionError(t('jinja.tooDeep'));
    parse();
    this.depth -= 1;
  }

  private expression(): void {
    this.nested(() => {
      this.or();
      if (this.is('if', 'name')) {
        this.take();
        this.or();
        if (this.is('else', 'name')) {
          this.take();
          this.expression();
        }
      }
    });
  }

  private or(): void {
    this.and();
    while (this.is('or', 'name')) {
      this.take();
      this.and();
    }
  }

  private and(): void {
    this.not();
    while (this.is('and', 'name')) {
      this.take();
      this.not();
    }
  }

  private not(): void {
    if (this.is('not', 'name')) {
      this.take();
      this.nested(() => this.not());
    } else this.compare();
  }

  private compare(): void {
    this.binary(0);
    for (;;) {
      if (['==', '!=', '<', '>', '<=', '>='].some((operator) => this.is(operator, 'operator')) || this.is('in', 'name')) this.take();
      else if (this.is('not', 'name') && this.peek(1).text === 'in' && this.peek(1).kind === 'name') {
        this.take();
        this.take();
      } else return;
      this.binary(0);
    }
  }

  private static readonly LEVELS = [['+', '-'], ['~'], ['*', '/', '//', '%'], ['**']];

  private binary(level: number): void {
    if (level === Parser.LEVELS.length) return this.unary();
    this.binary(level + 1);
    while (Parser.LEVELS[level]!.some((operator) => this.is(operator, 'operator'))) {
      this.take();
      this.binary(level + 1);
    }
  }

  private unary(): void {
    if (this.is('-', 'operator') || this.is('+', 'operator')) {
      this.take();
      return this.nested(() => this.unary());
    }
    this.primary();
    this.postfix();
  }

  private primary(): void {
    const token = this.peek();
    if (token.kind === 'name' && !KEYWORDS.has(token.text)) return void this.take();
    if (token.kind === 'number') return void this.take();
    if (token.kind === 'string') {
      while (this.peek().kind === 'string') this.take(); // adjacent strings concatenate
      return;
    }
    if (this.is('(', 'operator')) return this.nested(() => this.sequence(')'));
    if (this.is('[', 'operator')) return this.nested(() => this.sequence(']'));
    if (this.is('{', 'operator')) {
      return this.nested(() => {
        this.take('{');
        while (!this.is('}', 'operator')) {
          this.expression();
          this.take(':');
          this.expression();
          if (!this.is('}', 'operator')) this.take(',');
        }
        this.take('}');
      });
    }
    throw new ExpressionError(token.kind === 'end' ? t('jinja.endsEarly') : t('jinja.unexpected', { token: token.text }));
  }

  /** `( a, b )`, `[a, b]`, or a call's arguments (`name=value` allowed when `call`). */
  private sequence(close: string, call = false): void {
    this.take();
    while (!this.is(close, 'operator')) {
      if (call && this.peek().kind === 'name' && this.peek(1).text === '=' && this.peek(1).kind === 'operator') {
        this.take();
        this.take();
      }
      this.expression();
      if (!this.is(close, 'operator')) this.take(',');
    }
    this.take(close);
  }

  private postfix(): void {
    for (;;) {
      if (this.is('.', 'operator')) {
        this.take();
        const token = this.take();
        if (token.kind !== 'name' && !(token.kind === 'number' && /^[0-9]+$/.test(token.text)))
          throw new ExpressionError(t('jinja.afterDot', { token: token.text }));
      } else if (this.is('[', 'operator')) this.nested(() => this.subscript());
      else if (this.is('(', 'operator')) this.nested(() => this.sequence(')', true));
      else if (this.is('|', 'operator')) {
        this.take();
        this.dottedName();
        if (this.is('(', 'operator')) this.nested(() => this.sequence(')', true));
      } else if (this.is('is', 'name')) {
        this.take();
        if (this.is('not', 'name')) this.take();
        this.dottedName();
        if (this.is('(', 'operator')) this.nested(() => this.sequence(')', true));
      } else return;
    }
  }

  private subscript(): void {
    this.take('[');
    if (!this.is(':', 'operator')) this.expression();
    while (this.is(':', 'operator')) {
      this.take();
      if (!this.is(':', 'operator') && !this.is(']', 'operator')) this.expression();
    }
    this.take(']');
  }

  private dottedName(): void {
    const name = this.take();
    if (name.kind !== 'name') throw new ExpressionError(t('jinja.filterName', { token: name.text }));
    while (this.is('.', 'operator')) {
      this.take();
      if (this.take().kind !== 'name') throw new ExpressionError(t('jinja.filterAfterDot'));
    }
  }
}

const RAW_START = /^\{%-?\s*raw\s*-?%\}/;
const RAW_END = /\{%-?\s*endraw\s*-?%\}/g;

/** undefined when Jinja would render `value` (the parts described above), the rule broken otherwise. */
export function checkJinjaTemplate(value: string): Verdict {
  let index = 0;
  try {
    while (index < value.length) {
      const open = value.indexOf('{', index);
      if (open === -1) break;
      const next = value[open + 1];
      if (next === '{') {
        const { tokens, next: after } = tokenize(value, open + (value[open + 2] === '-' ? 3 : 2));
        new Parser(tokens).parse();
        index = after;
      } else if (next === '#') {
        const close = value.indexOf('#}', open + 2);
        if (close === -1) throw new ExpressionError(t('jinja.commentNotClosed'));
        index = close + 2;
      } else if (next === '%') {
        const raw = RAW_START.exec(value.slice(open, open + 64));
        if (!raw) throw new ExpressionError(t('jinja.statement'));
        RAW_END.lastIndex = open + raw[0].length;
        const end = RAW_END.exec(value);
        if (!end) throw new ExpressionError(t('jinja.rawNotClosed'));
        index = end.index + end[0].length;
      } else index = open + 1;
    }
  } catch (error) {
    if (error instanceof ExpressionError) return { rule: t('jinja.rule', { problem: error.message }) };
    throw error;
  }
  return undefined;
}
