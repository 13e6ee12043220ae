// The workshop tutorials (docs/workshop.md and docs/workshop.pt-BR.md) are executed: every shell block marked
// runnable runs in order, in a fresh folder holding the class's answers file, with the compiled bin on PATH,
// against the real engine and the registry at 127.0.0.1:5000 (scripts/test-engine.sh start). A failing block
// fails the test with its file, line and heading. The two languages must show the same commands.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { requireTool } from './support/required-tool.js';
import { BIN } from './support/run-bin.js';
import { commandsOf, missingOutput, runDoc, shellBlocks } from './support/runnable-doc.js';
import { engineProblem, REGISTRY, removeRepository } from './support/test-engine.js';

const doc = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url));
const TUTORIALS = [
  { file: doc('workshop.md'), lang: 'en', locale: 'C.UTF-8' },
  { file: doc('workshop.pt-BR.md'), lang: 'pt-BR', locale: 'pt_BR.UTF-8' },
];
// The instructor's guides: their room check runs too, and they show the same commands in both languages.
const GUIDES = [
  { file: doc('workshop/instructor.md'), lang: 'en', locale: 'C.UTF-8' },
  { file: doc('workshop/instructor.pt-BR.md'), lang: 'pt-BR', locale: 'pt_BR.UTF-8' },
];
const ANSWERS = doc('workshop/answers.json');
const CONTAINER = JSON.parse(readFileSync(ANSWERS, 'utf8')).container as string;
const TAGS = ['1.0.0', '1.1.0'];

const blocksOf = (file: string) => shellBlocks(readFileSync(file, 'utf8'), file);

describe('the workshop tutorials: structure', () => {
  it('mark every shell block, and say why a block cannot run', () => {
    for (const { file } of [...TUTORIALS, ...GUIDES]) {
      const blocks = blocksOf(file);
      expect(blocks.filter((block) => block.mode !== 'not-runnable').length, file).toBeGreaterThan(0);
      for (const block of blocks.filter((candidate) => candidate.mode === 'not-runnable'))
        expect(block.reason.length, `${file}:${block.line}`).toBeGreaterThan(10);
    }
  });

  it("show the same commands in both languages, block by block (tutorials and instructor's guides)", () => {
    for (const pair of [TUTORIALS, GUIDES]) {
      const [english, portuguese] = pair.map(({ file }) => blocksOf(file).map((block) => `${block.mode}\n${commandsOf(block)}`));
      expect(english.length).toBeGreaterThan(0);
      expect(portuguese, `${pair[1].file} against ${pair[0].file}`).toEqual(english);
    }
  });

  it('the translation check ignores comments and --description texts, nothing else', () => {
    const [one, other] = [
      '# la\npod-ingestion pod a --description "Um texto"   # um comentário',
      'pod-ingestion pod a --description "A text"',
    ].map((code) => commandsOf({ mode: 'runnable', reason: '', code, line: 1, heading: '', expectedOutput: [] }));
    expect(one).toBe(other);
    expect(commandsOf({ mode: 'runnable', reason: '', code: 'pod-ingestion pod b', line: 1, heading: '', expectedOutput: [] })).not.toBe(
      other,
    );
  });

  it('refuses a shell block without a marker, naming its line', () => {
    expect(() => shellBlocks('# T\n\n```sh\nls\n```\n', 'x.md')).toThrow('x.md:3: this shell block has no');
  });

  it('the output checker matches in order and takes "..." for any text', () => {
    expect(missingOutput(['Image: ...', 'Pushed: sha256:...'], 'x\nImage:  a/b:1\nPushed: sha256:abc\n')).toEqual([]);
    expect(missingOutput(['Pushed: ...', 'Image: ...'], 'Image: a\nPushed: b\n')).toEqual(['Image: ...']);
    expect(missingOutput(['OK'], 'OK (skipped=1)')).toEqual(['OK']);
  });
});

const ready = requireTool(await engineProblem(), 'the workshop tutorials (they build, run and push on the real engine)');

describe.runIf(ready)('the workshop tutorials: executed', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  for (const { file, lang, locale } of TUTORIALS) {
    it(`${lang}: every runnable block of ${file.split('/docs/')[1]} succeeds (or fails where it says so) on the real engine`, async () => {
      // Each run and language pushes to its own repository, so no two runs see each other's images.
      const student = `workshop-${Date.now().toString(36)}-${lang.toLowerCase()}`;
      const image = (tag: string) => `${REGISTRY}/${student}/${CONTAINER}:${tag}`;
      cleanups.push(async () => {
        spawnSync('docker', ['rmi', '-f', ...TAGS.map(image)], { stdio: 'ignore' });
        await removeRepository(`${student}/${CONTAINER}`, TAGS);
      });
      const started = performance.now();
      const run = runDoc(file, {
        handouts: { 'answers.json': ANSWERS },
        env: { REGISTRY, STUDENT: student, LANG: locale, LC_ALL: undefined, LC_MESSAGES: undefined },
        bin: { node: process.execPath, script: BIN },
        timeoutSeconds: 300,
      });
      cleanups.push(async () => rmSync(dirname(run.folder), { recursive: true, force: true }));
      const slowest = [...run.seconds].sort((a, b) => b.seconds - a.seconds).slice(0, 3);
      console.log(
        `workshop ${lang}: ${run.seconds.length} blocks in ${((performance.now() - started) / 1000).toFixed(1)} s; slowest: ${slowest.map((block) => `line ${block.line} ${block.seconds.toFixed(1)} s`).join(', ')}`,
      );
      expect(run.seconds.length).toBe(blocksOf(file).filter((block) => block.mode !== 'not-runnable').length);
      expect(run.seconds.length).toBeGreaterThan(15);
    }, 900_000);
  }

  for (const { file, lang, locale } of GUIDES) {
    it(`${lang}: the room check of ${file.split('/docs/')[1]} passes on this machine`, () => {
      const run = runDoc(file, {
        handouts: {},
        env: { REGISTRY, LANG: locale, LC_ALL: undefined, LC_MESSAGES: undefined },
        bin: { node: process.execPath, script: BIN },
        timeoutSeconds: 60,
      });
      cleanups.push(async () => rmSync(dirname(run.folder), { recursive: true, force: true }));
      expect(run.seconds.length).toBe(1);
    });
  }
});
