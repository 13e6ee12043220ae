// `yo pod-ingestion:remove NAME` / `pod-ingestion remove NAME`: takes a pod's task out of the DAG (and, with
// --rewire, hands its dependents its upstreams). The script and its test are the user's code: they stay
// unless --delete-script.
import { t } from '../../core/i18n/translate.js';
import { removePod } from '../../core/pipeline.js';
import { podScriptPath } from '../../core/pods-dir.js';
import type { PodSpec, ProjectConfig } from '../../core/project-config.js';
import { REMOVE_QUESTIONS } from '../../core/remove-questions.js';
import { dagPath, renderDag } from '../../core/render-project.js';
import { PodIngestionGenerator, type GeneratorOptions } from '../base-generator.js';
import { refuseEditedManagedBlocks } from '../managed-block-guard.js';
import { requireProject } from '../project-context.js';
import { writePolicy } from '../write-policy.js';
import { deleteDeliberately, saveProjectConfig, updateReadmePipeline, writeProjectFiles } from '../project-files.js';
import { declareOptions } from '../question-options.js';

export default class RemoveGenerator extends PodIngestionGenerator {
  private project?: ProjectConfig;
  private config_?: ProjectConfig;
  private removed?: PodSpec;
  private rewired: PodSpec[] = [];
  private deleted: string[] = [];

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('name', { type: String, required: true, description: 'the pod to remove' });
    this.origins.name = { from: 'argument', name: 'NAME' };
    // --defaults is among them: the bin passes it when there is no terminal; remove asks nothing either way.
    declareOptions(this, REMOVE_QUESTIONS);
  }

  initializing(): void {
    this.project = requireProject(this.destinationRoot());
    this.useProjectLanguage(this.project.lang);
  }

  configuring(): void {
    const removal = removePod(this.project!, String(this.options.name), { rewire: Boolean(this.options.rewire) });
    ({ config: this.config_, removed: this.removed, rewired: this.rewired } = removal);
    refuseEditedManagedBlocks(this, this.project!);
  }

  async writing(): Promise<void> {
    const config = this.config_!;
    const path = dagPath(config);
    await writeProjectFiles(this, { [path]: renderDag(config) }, config, writePolicy(this));
    updateReadmePipeline(this, config);
    saveProjectConfig(this, config);
    if (!this.options['delete-script'] && !this.options.deleteScript) return;
    for (const file of [podScriptPath(config, this.removed!.name), `tests/test_${this.removed!.name}.py`]) {
      if (!this.fs.exists(this.destinationPath(file))) continue;
      deleteDeliberately(this, this.destinationPath(file));
      this.deleted.push(file);
    }
  }

  end(): void {
    const { name } = this.removed!;
    this.log(t('remove.removed', { name, dag: dagPath(this.config_!) }));
    for (const pod of this.rewired)
      this.log(
        t('remove.rewired', {
          name: pod.name,
          when: pod.after.length ? t('pod.runsAfter', { names: pod.after.join(', ') }) : t('pod.runsFirst'),
        }),
      );
    if (this.deleted.length > 0) this.log(t('remove.deleted', { files: this.deleted.join(t('remove.and')) }));
    else if (!this.options['delete-script'] && !this.options.deleteScript)
      this.log(t('remove.kept', { name, script: podScriptPath(this.config_!, name) }));
  }
}
