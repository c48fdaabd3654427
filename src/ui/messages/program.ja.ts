/** The Japanese texts of program.ts (read only when the language is Japanese: src/ui/messages/japanese.ts). */
import type { en } from './program.js';

const TITLES: Record<string, string> = {
  'Usage:': '使い方:',
  'Options:': 'オプション:',
  'Commands:': 'コマンド:',
  'Arguments:': '引数:',
  'Global Options:': 'グローバルオプション:',
};

/**
 * Commander's error messages, by their fixed English wording; anything else keeps its text after `エラー: `.
 * Only the user's value is `(.*)`: flags, argument names and choices hold no `'` or `.`, so no
 * two groups compete for the same text (that backtracked quadratically on a long value).
 */
const COMMANDER_ERRORS: Array<[RegExp, string]> = [
  [/^error: unknown option '(.*)'/m, "エラー: 不明なオプションです: '$1'"],
  [/^error: unknown command '(.*)'/m, "エラー: 不明なコマンドです: '$1'"],
  [/^error: option '(.*)' argument missing/m, "エラー: オプション '$1' の値がありません"],
  [
    /^error: option '([^'\n]*)' argument '(.*)' is invalid\. Allowed choices are ([^'\n.]*)\./m,
    "エラー: オプション '$1' の値 '$2' は正しくありません。指定できる値: $3",
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '([^'\n]*)'\. Allowed choices are ([^'\n.]*)\./m,
    "エラー: 引数 '$2' の値 '$1' は正しくありません。指定できる値: $3",
  ],
  [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./m, 'エラー: 引数が多すぎます ($2 個まで、指定は $3 個)'],
  [/^\(Did you mean one of (.*)\?\)$/m, '(もしかして次のいずれかですか: $1)'],
  [/^\(Did you mean (.*)\?\)$/m, '(もしかして $1 ですか?)'],
  [/^error: /m, 'エラー: '],
];

export const ja: typeof en = {
  help: {
    program: 'AWS CLI と SDK で使う AWS IAM Identity Center (SSO) のサインインを設定し、実行します。',
    version: 'バージョン番号を表示する',
    helpOption: 'コマンドのヘルプを表示する',
    helpCommand: 'コマンドのヘルプを表示する',
    debug: 'デバッグ出力を標準エラー出力に表示する (トークンとシークレットは伏せ字)',
    lang: 'メッセージの言語: en または ja (デフォルト: LC_ALL、LC_MESSAGES、LANG から判定)',
    caBundle: 'SSL 証明書の検証に使う CA 証明書バンドル。設定ファイルと環境変数の設定より優先されます。',
    noVerifySsl: 'SSL 証明書を検証しない (AWS CLI と同じオプション。ホストごとに警告を表示します)。通常は使わないでください。',
    title: (title: string) => TITLES[title] ?? title,
    term: (term: string) => term.replace(/\[options\]/g, '[オプション]').replace(/\[command\]/g, '[コマンド]'),
    choices: (list: string) => `選択肢: ${list}`,
    default: (value: string) => `デフォルト: ${value}`,
    preset: (value: string) => `プリセット: ${value}`,
    env: (name: string) => `環境変数: ${name}`,
    commanderError: (text: string) => COMMANDER_ERRORS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text),
  },
};
