import { spellSymbols } from './taxonomy';

/** Lower-case words without accents or punctuation; "C#" and "P&L" keep their meaning as words. */
export function skillWords(text: string): string[] {
  return typedWords(text).map((word) => word.toLowerCase());
}

/** The words of skillWords in the case they were typed ("R", "Go"): a phrase's short names must look like names. */
export function typedWords(text: string): string[] {
  return spellSymbols(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).match(/[A-Za-z0-9]+/g) ?? [];
}

/** Spacing and punctuation do not matter: "tik tok", "Tik-Tok" and "TikTok" share the key "tiktok". */
export function compactKey(text: string): string {
  return skillWords(text).join('');
}

/** Word order does not matter: "modelling financial" and "Financial modelling" share this key. */
export function sortedWordsKey(text: string): string {
  return skillWords(text).sort().join(' ');
}
