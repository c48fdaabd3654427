/**
 * Every text the user reads, grouped by command or area: `<area>.ts` holds its English texts
 * (`en`) and `<area>.ja.ts` next to it the Japanese (`ja: typeof en`, so the type checker
 * holds them to the same keys and parameters; test/unit/messages.test.ts checks the keys
 * too). The Japanese are imported (japanese.ts, a chunk of its own) only when the language is
 * Japanese: loadCatalogue. The English texts are the AWS CLI v2's, word for word where it has one, because our users follow
 * guides that show them. The Japanese ones use the words of the Japanese AWS console and
 * guides (サインイン, AWS アクセスポータル, プロファイル, リージョン, 許可セット); prompts keep the
 * AWS CLI's `text [default]: ` shape. Only texts change with the language; what is written to
 * files never does.
 *
 * Strings only: no domain types, no state (the Japanese module, once imported, is kept). The
 * language is chosen once (src/cli.ts) and the catalogue passed down (`Context.messages`, the
 * command factory).
 */
import { CliError, ExitCode } from '../../errors.js';
import { environmentLanguage, type Language } from '../locale.js';
import { english, type Messages } from './english.js';

export type { Language, Messages };
export const LANGUAGES: readonly Language[] = ['en', 'ja'];

let japanese: Messages | undefined;

/** The texts in one language, imported first when they are the Japanese. */
export async function loadCatalogue(lang: Language): Promise<Messages> {
  if (lang === 'ja') japanese ??= (await import('./japanese.js')).japanese;
  return catalogue(lang);
}

/** The texts in one language: English always, Japanese once loadCatalogue('ja') has imported them. */
export function catalogue(lang: Language): Messages {
  if (lang === 'en') return english;
  if (!japanese) throw new Error("The Japanese texts are not loaded yet: await loadCatalogue('ja') first.");
  return japanese;
}

/** Both languages of every area, for the test that holds them to the same keys. */
export async function bilingual(): Promise<Record<keyof Messages, { en: unknown; ja: unknown }>> {
  const ja = await loadCatalogue('ja');
  const areas = Object.keys(english) as Array<keyof Messages>;
  return Object.fromEntries(areas.map((area) => [area, { en: english[area], ja: ja[area] }])) as Record<keyof Messages, { en: unknown; ja: unknown }>;
}

/**
 * The language to use: `--lang` when given, else the first non-empty of LC_ALL,
 * LC_MESSAGES and LANG (as gettext reads them). An unknown `--lang` value is a usage error,
 * told in the environment's language (whose texts are loaded for it).
 */
export async function detectLanguage(env: NodeJS.ProcessEnv, flag?: string): Promise<Language> {
  const fromEnv = environmentLanguage(env);
  if (flag === undefined) return fromEnv;
  if ((LANGUAGES as readonly string[]).includes(flag)) return flag as Language;
  throw new CliError((await loadCatalogue(fromEnv)).common.unknownLanguage(flag, LANGUAGES), ExitCode.usage);
}
