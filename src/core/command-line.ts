// One option, one value: the command line is read before Yeoman's parser (minimist) sees it, which would drop
// a value starting with "-" (`--description '- removes old rows'`, `--env -X=1`) and join a single-value option
// given twice into "a,b". Knows nothing of Yeoman: it takes the options' shapes and the raw arguments.
import { t } from './i18n/translate.js';
import type { FieldError } from './field-error.js';

export interface OptionShape {
  name: string;
  /** flag: takes no value; one: a single value; many: repeatable, one value per use. */
  takes: 'flag' | 'one' | 'many';
}

/**
 * Rewrites `--name value` as `--name=value` for options that take a value, so that any value (even one starting
 * with "-") stays that option's; a following `--other` that names a known option is not taken as a value.
 * Refuses a single-value option given twice with different values.
 */
export function normalizeOptionArguments(
  args: readonly string[],
  options: readonly OptionShape[],
): { args: string[]; errors: FieldError[] } {
  const shapes = new Map(options.map((option) => [option.name, option.takes]));
  const isKnownOption = (token: string) => {
    if (!token.startsWith('--')) return false;
    const name = token.slice(2).split('=')[0]!;
    return shapes.has(name) || (name.startsWith('no-') && shapes.get(name.slice(3)) === 'flag');
  };
  const result: string[] = [];
  const seen = new Map<string, string>();
  const errors: FieldError[] = [];
  const record = (name: string, value: string) => {
    const before = seen.get(name);
    if (shapes.get(name) === 'one' && before !== undefined && before !== value) {
      errors.push({ field: name, value, rule: t('options.givenTwice', { before: JSON.stringify(before), value: JSON.stringify(value) }) });
    }
    seen.set(name, value);
  };
  for (let index = 0; index < args.length; index++) {
    const token = args[index]!;
    if (token === '--') {
      result.push(...args.slice(index));
      break;
    }
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(token);
    const takes = match ? shapes.get(match[1]!) : undefined;
    if (!match || takes === undefined || takes === 'flag') {
      result.push(token);
      continue;
    }
    const name = match[1]!;
    let value = match[2];
    const next = args[index + 1];
    if (value === undefined && next !== undefined && next !== '--' && !isKnownOption(next)) {
      value = next;
      index++;
    }
    if (value === undefined) {
      result.push(token);
      continue;
    }
    record(name, value);
    result.push(`--${name}=${value}`);
  }
  return { args: result, errors };
}
