// The bin under a chosen locale: LC_ALL, LC_MESSAGES and LANG are exactly the ones given (the others removed),
// so a test says which language the shell asks for. Runs through the one bin runner (run-bin.ts).
import { runBin, type BinResult } from './run-bin.js';

export interface Locale {
  LC_ALL?: string;
  LC_MESSAGES?: string;
  LANG?: string;
}

export function runBinWithLocale(args: readonly string[], cwd: string, locale: Locale): Promise<BinResult> {
  return runBin(args, cwd, { env: { LC_ALL: locale.LC_ALL, LC_MESSAGES: locale.LC_MESSAGES, LANG: locale.LANG } });
}

export const PORTUGUESE: Locale = { LANG: 'pt_BR.UTF-8' };
export const ENGLISH: Locale = { LANG: 'C.UTF-8' };
