// The language a project folder's .yo-rc.json says, read before the file is checked: the refusals of a bad
// .yo-rc.json, and the destination checks, then speak the project's language.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Language } from '../core/i18n/language.js';
import { CONFIG_KEY } from '../core/project-config.js';
import { savedLanguage } from '../core/saved-language.js';

function yoRcText(folder: string): string | undefined {
  try {
    return readFileSync(join(folder, '.yo-rc.json'), 'utf8');
  } catch {
    return undefined;
  }
}

/** `lang` of the folder's .yo-rc.json when it names a known language; nothing else of the file is looked at. */
export function languageOfFolder(folder: string): Language | undefined {
  return savedLanguage(yoRcText(folder));
}

/** The saved language of the nearest project at or above `folder` (the one a new project there would be inside). */
export function enclosingProjectLanguage(folder: string): Language | undefined {
  for (let current = folder; ; current = dirname(current)) {
    const text = yoRcText(current);
    if (text !== undefined && text.includes(`"${CONFIG_KEY}"`)) return savedLanguage(text);
    if (dirname(current) === current) return undefined;
  }
}
