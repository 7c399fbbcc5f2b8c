import type { RuleDefinition } from '../rules/rule.js';
import type { Detector } from './detector.js';

/** A code detector: built from its rule (id, entity, context, params) once, at registry creation. */
export type DetectorFactory = (rule: RuleDefinition) => Detector;

/**
 * Predefined (code) detectors, by the name a rule's `detector:` field uses.
 * Each lives in its own file; this table only names them.
 */
export const PREDEFINED_DETECTORS: Readonly<Record<string, DetectorFactory>> = {};
