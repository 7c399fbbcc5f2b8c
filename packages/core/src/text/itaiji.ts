/**
 * Itaiji (異体字) folds applied to the matching copy only (jp-pii-spec.md §0). NFKC keeps these characters,
 * so 髙橋 would not match a dictionary that lists 高橋 without them. The output text is never rewritten.
 */
export const ITAIJI_FOLDS: Readonly<Record<string, string>> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  邉: '辺',
  邊: '辺',
  齋: '斎',
  齊: '斉',
  澤: '沢',
  濱: '浜',
  嶋: '島',
  德: '徳',
  廣: '広',
  國: '国',
  櫻: '桜',
  瀨: '瀬',
  淺: '浅',
  惠: '恵',
  眞: '真',
  冨: '富',
  隆: '隆',
  槇: '槙',
  曾: '曽',
  藪: '薮',
  龍: '竜',
  實: '実',
  與: '与',
  傳: '伝',
  圓: '円',
  萬: '万',
  奧: '奥',
  舘: '館',
  籠: '篭',
  峯: '峰',
  埜: '野',
  廣瀨: '広瀬',
};

/** Single-code-unit fold table, built once. */
export const ITAIJI_CHAR_FOLDS: ReadonlyMap<number, number> = new Map(
  Object.entries(ITAIJI_FOLDS)
    .filter(([from, to]) => from.length === 1 && to.length === 1 && from !== to)
    .map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]),
);
