// Subgenerators work inside an existing project: this finds its configuration or explains what is missing.
import { t } from '../core/i18n/translate.js';
import { InvalidAnswersError } from '../core/field-error.js';
import { findCycle } from '../core/pipeline.js';
import type { ProjectConfig } from '../core/project-config.js';
import { readProjectConfig } from './project-files.js';

export function requireProject(folder: string): ProjectConfig {
  const config = readProjectConfig(folder);
  if (!config) {
    throw new InvalidAnswersError([{ field: 'project', value: folder, rule: t('project.missing') }]);
  }
  const cycle = findCycle(config.pods);
  if (cycle)
    throw new InvalidAnswersError([
      {
        field: 'project',
        origin: { from: 'project-config', key: 'pods' },
        value: cycle.join(' -> '),
        rule: t('project.cycle', { cycle: cycle.join(' -> ') }),
      },
    ]);
  return config;
}
