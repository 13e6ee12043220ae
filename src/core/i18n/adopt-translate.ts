// The lookup of adopt's and doctor's texts (adopt-en.ts, adopt-pt-BR.ts) in the run's language: translate.ts's
// mechanism (the active language, `{name}` placeholders) over a catalog pair of their own.
import { adoptEn, type AdoptMessageKey, type AdoptMessages } from './adopt-en.js';
import { adoptPtBR } from './adopt-pt-BR.js';
import type { Language } from './language.js';
import { translator } from './translate.js';

export const ADOPT_CATALOGS: Readonly<Record<Language, AdoptMessages>> = { en: adoptEn, 'pt-BR': adoptPtBR };

/** An adopt or doctor text in the active language. */
export const tAdopt = translator<AdoptMessageKey>(ADOPT_CATALOGS);
