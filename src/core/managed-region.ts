// The DAG (and the project README) have blocks the generator owns, between marker comments; everything
// outside is the user's. Regenerating replaces only the blocks, so hand edits elsewhere survive.
import { PodIngestionError } from './errors.js';
import { t } from './i18n/translate.js';

const START = '# >>> pod-ingestion managed:';
const END = '# <<< pod-ingestion managed:';
// Markdown has no `#` comments: the README's markers are HTML comments with the same words.
const MARKDOWN_START = '<!-- >>> pod-ingestion managed:';
const MARKDOWN_END = '<!-- <<< pod-ingestion managed:';

function markerName(trimmed: string, prefixes: readonly string[]): string | undefined {
  const prefix = prefixes.find((candidate) => trimmed.startsWith(candidate));
  return prefix === undefined ? undefined : (trimmed.slice(prefix.length).trim().split(/\s/)[0] ?? '');
}

interface Region {
  name: string;
  start: number;
  end: number;
}

function findRegions(lines: readonly string[]): Map<string, Region> {
  const regions = new Map<string, Region>();
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    const started = markerName(trimmed, [START, MARKDOWN_START]);
    const ended = markerName(trimmed, [END, MARKDOWN_END]);
    if (started !== undefined) {
      regions.set(started, { name: started, start: index, end: -1 });
    } else if (ended !== undefined) {
      const region = regions.get(ended);
      if (region) region.end = index;
    }
  });
  return regions;
}

export class ManagedRegionError extends PodIngestionError {
  constructor(message: string) {
    super('managed-region', message);
  }
}

/**
 * Puts the managed blocks of `fresh` into `existing`. Throws ManagedRegionError when `existing` lost a
 * marker: the generator would not know where its part ends, so it changes nothing.
 */
export function replaceManagedRegions(existing: string, fresh: string, fileName: string): string {
  const freshLines = fresh.split('\n');
  let lines = existing.split('\n');
  for (const region of findRegions(freshLines).values()) {
    const target = findRegions(lines).get(region.name);
    if (!target || target.end < target.start) {
      throw new ManagedRegionError(
        t('managed.markersMissing', { file: fileName, block: region.name, start: `${START} ${region.name}`, end: `${END} ${region.name}` }),
      );
    }
    lines = [...lines.slice(0, target.start), ...freshLines.slice(region.start, region.end + 1), ...lines.slice(target.end + 1)];
  }
  return lines.join('\n');
}

/** Whether `text` holds the complete managed block `name` (a README from before the block has none). */
export function hasManagedRegion(text: string, name: string): boolean {
  const region = findRegions(text.split('\n')).get(name);
  return region !== undefined && region.end > region.start;
}

/** The complete managed blocks of `text`, by name, each with its two marker lines. */
export function managedBlocks(text: string): Map<string, string> {
  const lines = text.split('\n');
  const blocks = new Map<string, string>();
  for (const region of findRegions(lines).values()) {
    if (region.end > region.start) blocks.set(region.name, lines.slice(region.start, region.end + 1).join('\n'));
  }
  return blocks;
}
