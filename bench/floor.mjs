// The floor of `npm run bench`: a plain Node script, no library, that writes the same files a measured command
// wrote (read from a JSON file: {"destination": ..., "files": {"relative/path": "content"}}). What the bin
// costs above this is Yeoman, our code and module loading; the floor itself is Node's start-up and the disk.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [plan, destination] = process.argv.slice(2);
const { files } = JSON.parse(readFileSync(plan, 'utf8'));
for (const [path, content] of Object.entries(files)) {
  const target = join(destination, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
console.log(`wrote ${Object.keys(files).length} files to ${destination}`);
