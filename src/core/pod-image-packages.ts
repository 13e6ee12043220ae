// Packages that do not belong in a pod image: Airflow runs the pods, it is not inside them; notebooks,
// debuggers and platform-only wheels come from a developer's `pip freeze`. Both `adopt` (and its --prune),
// `--requirements` on a new project and `doctor` report them from this one list.
import type { AdoptMessageKey } from './i18n/adopt-en.js';
import { tAdopt } from './i18n/adopt-translate.js';
import { parseRequirement } from './requirements.js';

interface MisplacedRule {
  matches: (key: string) => boolean;
  /** The reason, a catalog key: the text comes in the run's language. */
  why: AdoptMessageKey;
}

const JUPYTER = new Set([
  'jupyter',
  'jupyterlab',
  'notebook',
  'nbconvert',
  'nbformat',
  'nbclient',
  'nbclassic',
  'ipython',
  'ipykernel',
  'ipywidgets',
  'widgetsnbextension',
  'jupyterlab-widgets',
  'jupyterlab-server',
  'jupyterlab-pygments',
  'jupyter-server',
  'jupyter-client',
  'jupyter-core',
  'jupyter-console',
  'jupyter-events',
  'jupyter-lsp',
  'jupyter-server-terminals',
  'qtconsole',
  'ipython-genutils',
  'notebook-shim',
  'terminado',
  'voila',
]);
const DEBUGGERS = new Set(['debugpy', 'ipdb', 'pdbpp', 'pudb', 'pydevd', 'pydevd-pycharm', 'web-pdb']);
const PLATFORM_ONLY = new Set(['appnope', 'pywin32', 'pywin32-ctypes', 'pywinpty', 'pyobjc', 'wmi', 'comtypes', 'winshell']);

const RULES: readonly MisplacedRule[] = [
  {
    matches: (key) => key === 'apache-airflow' || key.startsWith('apache-airflow-'),
    why: 'misplaced.airflow',
  },
  { matches: (key) => JUPYTER.has(key), why: 'misplaced.jupyter' },
  { matches: (key) => DEBUGGERS.has(key), why: 'misplaced.debugger' },
  { matches: (key) => PLATFORM_ONLY.has(key) || key.startsWith('pyobjc-'), why: 'misplaced.platform' },
];

export interface MisplacedPackage {
  /** 1-based line in requirements.txt. */
  line: number;
  text: string;
  why: string;
}

/** The requirement lines of `text` that do not belong in a pod image, with the reason. */
export function misplacedPackages(text: string): MisplacedPackage[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    const key = parseRequirement(line).requirement?.key;
    const rule = key === undefined ? undefined : RULES.find((candidate) => candidate.matches(key));
    return rule ? [{ line: index + 1, text: line.trim(), why: tAdopt(rule.why) }] : [];
  });
}

/** `text` without the misplaced lines (everything else, comments included, kept as it is). */
export function pruneMisplacedPackages(text: string): string {
  const drop = new Set(misplacedPackages(text).map((item) => item.line));
  return text
    .split('\n')
    .filter((_, index) => !drop.has(index + 1))
    .join('\n');
}

export function describeMisplaced(item: MisplacedPackage, file = 'requirements.txt'): string {
  return `${file}:${item.line}: ${item.text}: ${item.why}`;
}
