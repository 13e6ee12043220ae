// The words a template asks for, in the project's language.
import type { Language } from './language.js';
import { projectEn, type ProjectWordKey, type ProjectWords } from './project-en.js';
import { projectPtBR } from './project-pt-BR.js';
import { fill, type Values } from './translate.js';

const WORDS: Record<Language, ProjectWords> = { en: projectEn, 'pt-BR': projectPtBR };

export type Words = (key: ProjectWordKey, values?: Values) => string;

export function projectWords(language: Language): Words {
  return (key, values) => fill(WORDS[language][key], values);
}

export function projectCatalogOf(language: Language): ProjectWords {
  return WORDS[language];
}
