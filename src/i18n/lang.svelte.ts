// The language the page is shown in, as reactive state: components read `t()` (the table) or `lang()`,
// and re-render when it changes. The choice is remembered in localStorage; <html lang> and the title follow.
import { chooseLang, messages, type Lang, type Messages } from './index';

export const STORAGE_KEY = 'ravine.lang';

const current = $state({ lang: 'en' as Lang });

/** The language shown now. */
export function lang(): Lang {
  return current.lang;
}

/** The table of the language shown now. */
export function t(): Messages {
  return messages(current.lang);
}

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: the browser's language decides
  }
}

function apply(l: Lang): void {
  current.lang = l;
  document.documentElement.lang = l;
  document.title = messages(l).title;
}

/** At start: the link's language, else the remembered one, else the browser's. */
export function startLang(fromLink: Lang | undefined): void {
  apply(chooseLang(fromLink, stored(), navigator.languages ?? [navigator.language]));
}

/** The user's choice: shown at once and remembered for the next visit. */
export function setLang(l: Lang): void {
  apply(l);
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // not remembered, still shown
  }
}
