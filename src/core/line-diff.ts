// A short unified diff of two texts, line by line, to show a user what differs (an edited managed block, an
// overlap of a three-way merge). The line matching is node-diff3's longest common subsequence.
import { diffComm } from 'node-diff3';

interface DiffLine {
  mark: ' ' | '-' | '+';
  text: string;
  /** Line numbers (1-based) in the old and the new text this line stands at or before. */
  oldLine: number;
  newLine: number;
}

function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffComm([...before], [...after])) {
    if (part.common) {
      for (const text of part.common) lines.push({ mark: ' ', text, oldLine: oldLine++, newLine: newLine++ });
    } else {
      for (const text of part.buffer1) lines.push({ mark: '-', text, oldLine: oldLine++, newLine });
      for (const text of part.buffer2) lines.push({ mark: '+', text, oldLine, newLine: newLine++ });
    }
  }
  return lines;
}

/**
 * `--- oldLabel` / `+++ newLabel` and one `@@ -a,b +c,d @@` hunk per group of changes, with `context` unchanged
 * lines around each; empty when the texts are equal.
 */
export function unifiedDiff(before: string, after: string, labels: { old: string; new: string }, context = 2): string {
  const lines = diffLines(before.split('\n'), after.split('\n'));
  const changed = lines.flatMap((line, index) => (line.mark === ' ' ? [] : [index]));
  if (changed.length === 0) return '';
  // Hunks: changes closer than twice the context share one.
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(lines.length - 1, index + context);
    const last = hunks.at(-1);
    if (last && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }
  const out = [`--- ${labels.old}`, `+++ ${labels.new}`];
  for (const [start, end] of hunks) {
    const slice = lines.slice(start, end + 1);
    const oldCount = slice.filter((line) => line.mark !== '+').length;
    const newCount = slice.filter((line) => line.mark !== '-').length;
    const oldStart = oldCount === 0 ? slice[0]!.oldLine - 1 : slice.find((line) => line.mark !== '+')!.oldLine;
    const newStart = newCount === 0 ? slice[0]!.newLine - 1 : slice.find((line) => line.mark !== '-')!.newLine;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...slice.map((line) => `${line.mark}${line.text}`));
  }
  return out.join('\n');
}
