/**
 * The English texts of every area (src/ui/messages/<area>.ts), and so the catalogue's shape,
 * Messages: the Japanese ones (japanese.ts) are held to it.
 */
import { en as admin } from './admin.js';
import { en as common } from './common.js';
import { en as completion } from './completion.js';
import { en as config } from './config.js';
import { en as configure } from './configure.js';
import { en as configureSsoSession } from './configure-sso-session.js';
import { en as consoleTexts } from './console.js';
import { en as credentials } from './credentials.js';
import { en as exec } from './exec.js';
import { en as login } from './login.js';
import { en as logout } from './logout.js';
import { en as populate } from './populate.js';
import { en as program } from './program.js';
import { en as serve } from './serve.js';
import { en as signIn } from './sign-in.js';
import { en as startUrl } from './start-url.js';
import { en as status } from './status.js';
import { en as validate } from './validate.js';

export const english = {
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
export type Messages = typeof english;
