/**
 * The Japanese texts of every area (src/ui/messages/<area>.ja.ts), typed as the English
 * catalogue. A module of their own, which index.ts imports only when the language is
 * Japanese: an English run never reads or compiles them.
 */
import type { Messages } from './english.js';
import { ja as admin } from './admin.ja.js';
import { ja as common } from './common.ja.js';
import { ja as completion } from './completion.ja.js';
import { ja as config } from './config.ja.js';
import { ja as configure } from './configure.ja.js';
import { ja as configureSsoSession } from './configure-sso-session.ja.js';
import { ja as consoleTexts } from './console.ja.js';
import { ja as credentials } from './credentials.ja.js';
import { ja as exec } from './exec.ja.js';
import { ja as login } from './login.ja.js';
import { ja as logout } from './logout.ja.js';
import { ja as populate } from './populate.ja.js';
import { ja as program } from './program.ja.js';
import { ja as serve } from './serve.ja.js';
import { ja as signIn } from './sign-in.ja.js';
import { ja as startUrl } from './start-url.ja.js';
import { ja as status } from './status.ja.js';
import { ja as validate } from './validate.ja.js';

export const japanese: Messages = {
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
