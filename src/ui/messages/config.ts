/** Problems with ~/.aws/config and the CA bundle, as the user must fix them. */

const en = {
  configNotUtf8: 'it is not valid UTF-8 text',
  configBinaryLine: (line: number) => `line ${line} contains binary data`,
  configBadHeader: (line: number, text: string) =>
    `line ${line} has an unterminated or malformed section header: ${JSON.stringify(text)}`,
  cannotUseConfig: (file: string, problem: string) =>
    `Cannot use ${file}: ${problem}. Fix the file by hand; sso-setup changed nothing.`,
  caBundleUnreadable: (file: string, reason: string) =>
    `Cannot read the CA bundle named by AWS_CA_BUNDLE (${file}): ${reason}`,
};

const ja: typeof en = {
  configNotUtf8: '有効な UTF-8 テキストではありません',
  configBinaryLine: (line: number) => `${line} 行目にバイナリデータが含まれています`,
  configBadHeader: (line: number, text: string) =>
    `${line} 行目のセクションヘッダーが閉じていないか、形式が正しくありません: ${JSON.stringify(text)}`,
  cannotUseConfig: (file: string, problem: string) =>
    `${file} を使用できません: ${problem}。ファイルを手で修正してください。sso-setup は何も変更していません。`,
  caBundleUnreadable: (file: string, reason: string) =>
    `AWS_CA_BUNDLE で指定された CA バンドル (${file}) を読み取れません: ${reason}`,
};

export const config = { en, ja };
