// What every generator of the package shares. Each one keeps one phase convention: read the project and the
// given options in `initializing`, ask in `prompting`, validate everything in `configuring` (a refusal there
// writes nothing), write in `writing`, talk to Docker and report in `end`.
import Generator, { type BaseOptions } from 'yeoman-generator';

export type GeneratorOptions = BaseOptions & Record<string, unknown>;

export abstract class PodIngestionGenerator extends Generator<Record<string, unknown>, GeneratorOptions> {
  constructor(args: string[], options: GeneratorOptions) {
    // The projects are Python: there is never an npm install to run.
    super(args, options, { customInstallTask: true });
    // Yeoman logs "✖ An error occured while running <task>" through log.error before a failing task's error
    // reaches the caller; ours are sentences written for the user (the bin prints them), so without log.error
    // that banner goes to Yeoman's debug channel instead. Everything else logs as before.
    const withoutError = new Proxy(this.log, { get: (target, key, receiver) => (key === 'error' ? undefined : Reflect.get(target, key, receiver)) });
    Object.defineProperty(this, 'log', { value: withoutError, configurable: true, writable: true });
  }
}
