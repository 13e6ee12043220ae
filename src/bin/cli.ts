// What dist/bin/cli.cjs holds (scripts/build.mjs): the bin's code, and the generator classes that
// generators/<name>/index.js re-export for `yo`.
export { main } from './pod-ingestion.js';
export {
  AdoptGenerator,
  AppGenerator,
  DoctorGenerator,
  GraphGenerator,
  PackageGenerator,
  PodGenerator,
  PublishGenerator,
  RemoveGenerator,
  RunGenerator,
} from './run-generators.js';
