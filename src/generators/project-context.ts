// Subgenerators work inside an existing project: this finds its configuration or explains what is missing.
import { InvalidAnswersError } from '../core/field-error.js';
import { findCycle } from '../core/pipeline.js';
import type { ProjectConfig } from '../core/project-config.js';
import { readProjectConfig } from './project-files.js';

export function requireProject(folder: string): ProjectConfig {
  const config = readProjectConfig(folder);
  if (!config) {
    throw new InvalidAnswersError([
      { field: 'project', value: folder, rule: 'this folder is not a pod-ingestion project (no .yo-rc.json with its answers); run the command inside a project made by `pod-ingestion`' },
    ]);
  }
  const cycle = findCycle(config.pods);
  if (cycle) throw new InvalidAnswersError([{ field: 'project', value: '.yo-rc.json', rule: `the pods' dependencies form a cycle (${cycle.join(' -> ')}); fix "after" in .yo-rc.json` }]);
  return config;
}
