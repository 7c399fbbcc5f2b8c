// Held-out document: a synthetic Japanese privacy policy whose contact block names the officer (kanji and romaji),
// glues `Tel` to the number and gives 〒 and street addresses in both languages. No template of the corpus is
// written like it; nothing may be tuned against it. Its ordinary lines (articles, dates of revision, the company
// name, office hours) must come through unchanged.
// The ideographic spaces (U+3000) in the policy text are deliberate: contact blocks are laid out with them.
/* eslint-disable no-irregular-whitespace */
import type { EntityType } from '@kamen/core';
import { digits, int, pick, type Rand, type Value } from './gen/random.js';

/** Fixed-line Tokyo/Osaka numbers as company contact blocks print them. */
export function officePhone(r: Rand): Value {
  const a = pick(r, ['03', '06']);
  const b = `${int(r, 3, 6)}${digits(r, 3)}`;
  const c = digits(r, 4);
  return { value: `${a}-${b}-${c}`, fragments: [b, c] };
}
export function officePhoneIntl(r: Rand): Value {
  const b = `${int(r, 3, 6)}${digits(r, 3)}`;
  const c = digits(r, 4);
  return { value: `+81-3-${b}-${c}`, fragments: [b, c] };
}

/** Extra slots used only by this document. */
export const POLICY_SLOTS: Record<string, [EntityType, (r: Rand) => Value]> = {
  OTEL: ['PHONE', officePhone],
  OTELI: ['PHONE', officePhoneIntl],
};

export const PRIVACY_POLICY = `個人情報保護方針

株式会社サンプル人材サービス（以下「当社」といいます。）は、従業員および求職者の個人情報を適切に取り扱うことが社会的責務であると考え、以下のとおり個人情報保護方針を定めます。

第1条（個人情報の定義）
本方針において個人情報とは、個人情報の保護に関する法律第2条第1項に定める個人情報をいいます。

第2条（利用目的）
当社は、取得した個人情報を次の目的の範囲内で利用します。
1. 採用選考および雇用管理のため
2. 給与計算、社会保険および税務の手続きのため
3. 福利厚生制度の運用のため

第3条（第三者提供）
当社は、法令に基づく場合を除き、本人の同意なく個人情報を第三者に提供しません。

第4条（安全管理措置）
当社は、個人情報の漏えい、滅失またはき損を防止するため、必要かつ適切な安全管理措置を講じます。

第5条（開示等の請求）
本人から開示、訂正、利用停止等の請求があった場合、本人確認のうえ、遅滞なく対応します。

第6条（お問い合わせ窓口）
本方針に関するお問い合わせは、下記の窓口までお願いいたします。

株式会社サンプル人材サービス　個人情報保護管理者
管理者：{N}（{RO}）
〒{ZIPN}　{ADDR}
Tel{OTEL}　Fax{OTEL}
E-mail：{MAIL}
受付時間：平日 9:00〜18:00（土日祝日・年末年始を除く）

Contact (English)
Personal Information Protection Manager: {RO}
Address: {ADDRJ}
Tel. {OTELI}

2019年4月1日 制定
2025年10月1日 改定
代表取締役社長 {N}
`;
