// Packages that do not belong in a pod image: one list for adopt (--prune), doctor and --requirements.
import { describe, expect, it } from 'vitest';
import { resolveAppAnswers } from '../src/core/app-answers.js';
import { misplacedPackages, pruneMisplacedPackages } from '../src/core/pod-image-packages.js';

const FREEZE =
  '# laptop\napache-airflow==2.9.3\nApache_Airflow.Providers-Google==10.0\npandas==2.2.3\nJupyterLab==4.1\nipdb\npywin32==306 ; sys_platform == "win32"\nrequests>=2.31\n';

describe('packages that do not belong in a pod image', () => {
  it('finds Airflow and its providers, Jupyter, debuggers and platform-only packages by normalised name, with their lines', () => {
    expect(misplacedPackages(FREEZE).map((item) => [item.line, item.text])).toEqual([
      [2, 'apache-airflow==2.9.3'],
      [3, 'Apache_Airflow.Providers-Google==10.0'],
      [5, 'JupyterLab==4.1'],
      [6, 'ipdb'],
      [7, 'pywin32==306 ; sys_platform == "win32"'],
    ]);
  });

  it('prune keeps everything else as it is, comments included', () => {
    expect(pruneMisplacedPackages(FREEZE)).toBe('# laptop\npandas==2.2.3\nrequests>=2.31\n');
    expect(misplacedPackages(pruneMisplacedPackages(FREEZE))).toEqual([]);
  });

  it('--requirements on a new project warns about them and keeps the file as given', () => {
    const plan = resolveAppAnswers({ requirements: 'laptop.txt', defaults: true }, FREEZE);
    expect(plan.requirementsText).toBe(FREEZE);
    expect(plan.warnings).toContain(
      'laptop.txt:2: apache-airflow==2.9.3: Airflow and its providers run the DAG, not the pods: they add hundreds of MB and pin conflicts to the image (remove it from the file)',
    );
    expect(plan.warnings.filter((warning) => warning.startsWith('laptop.txt:'))).toHaveLength(5);
  });
});
