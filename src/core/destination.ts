// Where a new project may go. Inside a project, `pod-ingestion publsh` would otherwise write a project named
// publsh/ (and then try to push it): a destination that is not an existing folder and is within two edits of a
// command name is a mistyped command. A new project inside another project's folder is allowed only when the
// user says so.
import { InvalidAnswersError } from './field-error.js';
import { t } from './i18n/translate.js';

/** The bin's subcommands (its command table is typed by this list, so the two cannot drift apart). */
export const SUBCOMMANDS = ['pod', 'remove', 'package', 'publish', 'run', 'graph', 'adopt', 'doctor'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

/** Edits (insert, delete, substitute, swap two neighbours) between two words: the optimal string alignment distance. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The command a word most likely meant, when it is within two edits of one. */
export function commandLike(word: string): string | undefined {
  const ranked = SUBCOMMANDS.map((command) => ({ command, distance: editDistance(word.toLowerCase(), command) })).sort(
    (x, y) => x.distance - y.distance,
  );
  return ranked[0] && ranked[0].distance <= 2 ? ranked[0].command : undefined;
}

export interface DestinationFacts {
  /** The destination as typed. */
  destination: string;
  /** Whether it names a folder that exists already. */
  exists: boolean;
  /** The project folder the destination would be inside (the nearest folder up with a project's .yo-rc.json), if any. */
  enclosingProject?: string;
}

/** Refuses a mistyped command; says whether the user must confirm a project inside another one. */
export function checkProjectPlace(facts: DestinationFacts): { confirmNested: boolean } {
  if (!facts.enclosingProject) return { confirmNested: false };
  const command = facts.exists ? undefined : commandLike(facts.destination);
  if (command) {
    throw new InvalidAnswersError([
      {
        field: 'destination',
        value: facts.destination,
        // The rule asks "did you mean `pod-ingestion publish`?" itself: no "Try:" that says it again.
        rule: t('destination.mistyped', { project: facts.enclosingProject, command }),
      },
    ]);
  }
  return { confirmNested: true };
}

export function nestedProjectQuestion(facts: DestinationFacts): string {
  return t('destination.nestedQuestion', { destination: facts.destination, project: facts.enclosingProject ?? '' });
}

export function nestedProjectRefusal(facts: DestinationFacts): InvalidAnswersError {
  return new InvalidAnswersError([
    {
      field: 'destination',
      value: facts.destination,
      rule: t('destination.nestedRefusal', { project: facts.enclosingProject ?? '' }),
    },
  ]);
}
