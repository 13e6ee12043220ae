// The quick reading of simple requirement lines must agree with pip-requirements-js, the full parser, on every
// line it takes; the lines it does not take go to that parser.
import fc from 'fast-check';
import { parsePipRequirementsLine as parseFully } from 'pip-requirements-js';
import { describe, expect, it } from 'vitest';
import { parseSimpleRequirement } from '../src/core/pip-requirement-line.js';

const full = (line: string) => {
  try {
    return parseFully(line);
  } catch {
    return 'refused';
  }
};

describe('simple requirement lines', () => {
  it("takes the common forms, with the full parser's result", () => {
    for (const line of [
      'pandas==2.2.3',
      'pyarrow>=14,<20',
      'requests',
      'requests[socks,security]>=2.31',
      'Foo.Bar_baz~=1.4.2',
      'x!=1.0.*',
      'a==1.0+local',
    ]) {
      const quick = parseSimpleRequirement(line);
      expect(quick, line).toBeDefined();
      expect(quick).toEqual(full(line));
    }
  });

  it('reads blank and comment lines; leaves markers, URLs, spaces, options and arbitrary equality to the full parser', () => {
    for (const line of ['', '# pins', 'requests  # http']) expect(parseSimpleRequirement(line), line).toEqual(full(line));
    for (const line of [
      'pandas==2.2.3; python_version >= "3.10"',
      'pkg @ https://example.com/pkg.whl',
      'pyarrow >= 14',
      '--index-url https://x',
      '-r other.txt',
      'pkg===1',
      'flask==',
      'requests#x',
    ]) {
      expect(parseSimpleRequirement(line), line).toBeUndefined();
    }
  });

  it('agrees with the full parser on every line it takes (generated lines)', () => {
    const alphabet = fc.constantFrom(...'aZ09-_.*+![],<>=~!;@ #'.split(''));
    const piece = fc.oneof(
      fc.constantFrom('pandas', 'a', 'A.b_c-d', '==', '>=', '<', '~=', '!=', '===', '[x]', ',', '2.2.3', '1.0.*', '14'),
      fc.string({ unit: alphabet, maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const line = pieces.join('');
        const quick = parseSimpleRequirement(line);
        if (quick !== undefined) expect(quick, line).toEqual(full(line));
        if (quick !== undefined && quick !== null) expect(quick.type).toBe('ProjectName');
      }),
      { numRuns: 3000 },
    );
  });
});
