export * from './types.js';
export { KamenError, CORE_ERRORS, type CoreErrorCode, type ErrorContext } from './errors.js';
export { normalizeText, type NormalizedText } from './text/normalize.js';
export type { Detector, Candidate, ContextSpec, NegativeContextSpec } from './detectors/detector.js';
export type { RuleDefinition, PatternDefinition, RuleExample } from './rules/rule.js';
export { loadRuleFile, loadRules } from './rules/load-rules.js';
export {
  createRegistry,
  getDefaultRegistry,
  compileRule,
  type Registry,
  type RegistryOptions,
} from './rules/registry.js';
export { detect, type DetectCallOptions } from './engine/detect.js';
export { detectMany } from './engine/batch.js';
export { createScanner, type Scanner } from './engine/scanner.js';
export { RULES_DIR, RULES_DATA_DIR, pathTail } from './paths.js';
export { VALIDATORS } from './validators/registry.js';
export { luhn, luhnCheckDigit } from './validators/luhn.js';
export {
  myNumberCheckDigit,
  corporateNumberCheckDigit,
  insurerNumberCheckDigit,
  driversLicenseCheckDigit,
} from './validators/jp-check-digits.js';
export { isValidIban, ibanCheckDigits, IBAN_LENGTHS } from './validators/iban.js';
export { isIPv4, isIPv6, isIpAddress } from './validators/ip.js';
export { isValidSsn } from './validators/ssn.js';
export { cardBrandOf } from './validators/credit-card.js';
export { createOrderedPool, type OrderedPool, type OrderedPoolOptions } from './pool/ordered-pool.js';
export {
  toKatakana,
  toHiragana,
  toHalfWidthKatakana,
  toFullWidthKatakana,
  isKatakana,
  isHiragana,
  isHalfWidthKana,
  kanaToRomaji,
  romajiMatchKey,
  type RomajiOptions,
} from './text/kana.js';
export {
  getNameDictionary,
  foldItaiji,
  type NameDictionary,
  type NameEntry,
  type NameInfo,
  type EnglishNameKind,
} from './names/dictionary.js';
export { classifyField, type FieldClassification, type ClassifyFieldOptions } from './structure/classify-field.js';
export { normalizeFieldName } from './structure/field-name.js';
export {
  loadFieldDictionary,
  getDefaultFieldDictionary,
  FIELDS_DIR,
  type FieldDictionary,
  type NameEvidence,
  type DictionaryType,
} from './structure/field-dictionary.js';
export { createKeyRing, ephemeralKeyRing, KEY_ID, type KeyEntry } from './keys/key-ring.js';
export { loadKeyRing, keyRingFromEnv, generateKeyFile, parseKeyRing, type KeyFile } from './keys/key-file.js';
export { OPERATORS, getOperator, requireOperator } from './operators/registry.js';
export { keepOperator } from './operators/keep.js';
export { redactOperator, type RedactParams } from './operators/redact.js';
export { maskOperator, type MaskParams } from './operators/mask.js';
export { hashOperator, type HashParams } from './operators/hash.js';
export { pseudonymOperator, PSEUDONYM_TOKEN, parsePseudonym } from './operators/pseudonym.js';
export { fpeOperator } from './operators/fpe.js';
export { reveal, revealFpe, type FpeBinding } from './operators/reveal.js';
export type { KeyRing } from './keys/keyring.js';
export type { Operator, OperatorContext } from './operators/operator.js';
export { surrogateOperator, type SurrogateParams, type SurrogateConfig } from './operators/surrogate/index.js';
export { generalizeOperator, type GeneralizeParams, type GeneralizeConfig } from './operators/generalize.js';
export type { Policy, RolePolicy, TenantPolicy, OperatorConfig } from './policy/policy.js';
export { loadPolicy, parsePolicy, BUILTIN_POLICIES } from './policy/load-policy.js';
export { compilePolicy, type Plan, type PlanStep, type CompileOptions } from './policy/compile.js';
export { applyStep, relate } from './policy/apply.js';
export { maskText, type MaskTextResult } from './policy/mask-text.js';
export { maskRecord, type RecordValue, type RecordObject, type FieldPaths } from './policy/mask-record.js';
export { createTextMasker, type TextMasker } from './policy/text-masker.js';
export { LruCache } from './policy/lru.js';
export { parseJapaneseDate, type ParsedDate } from './dates/parse.js';
export { parseJapaneseAddress, type ParsedAddress } from './address/parse.js';
export { PREFECTURES } from './address/prefectures.js';
export * from './formats/index.js';
export {
  createProfiler,
  OBJECT_KEYS_FIELD,
  type Profiler,
  type ProfileLeaf,
  type ProfileOptions,
} from './profile/profiler.js';
export type { Profile, FieldProfile, EntityProfile, Detected } from './profile/types.js';
export { suggestPolicy, type SuggestPolicyOptions } from './profile/suggest-policy.js';
