/**
 * The language the environment asks for. Tiny and dependency-free: the start-up path of
 * `--help` uses it before anything else is loaded.
 */
export type Language = 'en' | 'ja';

/**
 * `ja`, `ja_JP`, `ja_JP.UTF-8` → Japanese; anything else (C, POSIX, en_US…) → English. A
 * Japanese locale in another encoding (`ja_JP.eucJP`) gets English: our Japanese is UTF-8,
 * and would come out garbled on such a terminal.
 */
export function localeLanguage(locale: string): Language {
  const match = /^([A-Za-z]+)(?:[_-][A-Za-z]+)?(?:\.([^@]+))?(?:@.*)?$/.exec(locale.trim());
  if (!match || match[1]!.toLowerCase() !== 'ja') return 'en';
  const encoding = match[2]?.toLowerCase().replace(/-/g, '');
  return encoding === undefined || encoding === 'utf8' ? 'ja' : 'en';
}

/** The first non-empty of LC_ALL, LC_MESSAGES and LANG, as gettext reads them. */
export function environmentLanguage(env: NodeJS.ProcessEnv): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return locale === undefined ? 'en' : localeLanguage(locale);
}
