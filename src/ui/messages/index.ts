/**
 * Every text the user reads, grouped by command or area, each module holding its English
 * (`en`) and Japanese (`ja`) texts side by side with the same keys and parameters (the type
 * checker holds `ja` to `en`'s shape; test/unit/messages.test.ts checks the keys too). The
 * English texts are the AWS CLI v2's, word for word where it has one, because our users follow
 * guides that show them. The Japanese ones use the words of the Japanese AWS console and
 * guides (サインイン, AWS アクセスポータル, プロファイル, リージョン, 許可セット); prompts keep the
 * AWS CLI's `text [default]: ` shape. Only texts change with the language; what is written to
 * files never does.
 *
 * Strings only: no domain types, no state. The language is chosen once (src/cli.ts) and the
 * catalogue passed down (`Context.messages`, the command factory).
 */
import { CliError, ExitCode } from '../../errors.js';
import { environmentLanguage, type Language } from '../locale.js';
import { admin } from './admin.js';
import { common } from './common.js';
import { completion } from './completion.js';
import { config } from './config.js';
import { configure } from './configure.js';
import { console as consoleTexts } from './console.js';
import { configureSsoSession } from './configure-sso-session.js';
import { credentials } from './credentials.js';
import { exec } from './exec.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { populate } from './populate.js';
import { program } from './program.js';
import { serve } from './serve.js';
import { signIn } from './sign-in.js';
import { startUrl } from './start-url.js';
import { status } from './status.js';
import { validate } from './validate.js';

const AREAS = {
  common,
  validate,
  signIn,
  startUrl,
  configure,
  configureSsoSession,
  login,
  logout,
  populate,
  status,
  credentials,
  config,
  program,
  completion,
  console: consoleTexts,
  exec,
  serve,
  admin,
};

/** The catalogue's shape: one group of texts per command or area. */
export type Messages = { [Area in keyof typeof AREAS]: (typeof AREAS)[Area]['en'] };

export type { Language };
export const LANGUAGES: readonly Language[] = ['en', 'ja'];

function build(lang: Language): Messages {
  return Object.fromEntries(Object.entries(AREAS).map(([area, texts]) => [area, texts[lang]])) as Messages;
}

const CATALOGUES: Record<Language, Messages> = { en: build('en'), ja: build('ja') };

/** The texts in one language. */
export function catalogue(lang: Language): Messages {
  return CATALOGUES[lang];
}

/** Both languages of every area, for the test that holds them to the same keys. */
export const bilingual = AREAS;

/**
 * The language to use: `--lang` when given, else the first non-empty of LC_ALL,
 * LC_MESSAGES and LANG (as gettext reads them). An unknown `--lang` value is a usage error,
 * told in the environment's language.
 */
export function detectLanguage(env: NodeJS.ProcessEnv, flag?: string): Language {
  const fromEnv = environmentLanguage(env);
  if (flag === undefined) return fromEnv;
  if ((LANGUAGES as readonly string[]).includes(flag)) return flag as Language;
  throw new CliError(catalogue(fromEnv).common.unknownLanguage(flag, LANGUAGES), ExitCode.usage);
}
