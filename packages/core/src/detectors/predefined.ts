import type { RuleDefinition } from '../rules/rule.js';
import type { Detector } from './detector.js';
import { createPersonNameEnDetector } from './names/person-name-en.js';
import { createPersonNameJaDetector } from './names/person-name-ja.js';
import { createPersonNameKanaDetector } from './names/person-name-kana.js';
import { createPersonNameRomajiDetector } from './names/person-name-romaji.js';
import { createPhoneDetector } from './phone/phone-detector.js';
import { createAddressJaDetector } from './address/address-ja.js';

/** A code detector: built from its rule (id, entity, context, params) once, at registry creation. */
export type DetectorFactory = (rule: RuleDefinition) => Detector;

/**
 * Predefined (code) detectors, by the name a rule's `detector:` field uses.
 * Each lives in its own file; this table only names them.
 */
export const PREDEFINED_DETECTORS: Readonly<Record<string, DetectorFactory>> = {
  person_name_ja: createPersonNameJaDetector,
  person_name_kana: createPersonNameKanaDetector,
  person_name_romaji: createPersonNameRomajiDetector,
  person_name_en: createPersonNameEnDetector,
  phone: createPhoneDetector,
  address_ja: createAddressJaDetector,
};
