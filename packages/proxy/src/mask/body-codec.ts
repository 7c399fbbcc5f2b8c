import {
  createCsvCodec,
  createHtmlCodec,
  createSseCodec,
  createJsonCodec,
  createNdjsonCodec,
  createTextCodec,
  createTsvCodec,
  createXmlCodec,
  type FormatLimits,
  type FormatTransform,
  type TextCodec,
} from '@kamen/core';
import type { BodyFormat } from './content-type.js';

/** A streaming text codec for one response body in `format`, applying `transform` to every leaf. */
export function createBodyCodec(
  format: BodyFormat,
  limits: FormatLimits,
  transform: FormatTransform,
  inlineScripts: 'mask' | 'block' = 'mask',
): TextCodec {
  switch (format) {
    case 'json':
      return createJsonCodec(limits, transform);
    case 'ndjson':
      return createNdjsonCodec(limits, transform);
    case 'csv':
      return createCsvCodec(limits, transform);
    case 'tsv':
      return createTsvCodec(limits, transform);
    case 'xml':
      return createXmlCodec(limits, transform);
    case 'text':
      return createTextCodec(limits, transform);
    case 'sse':
      return createSseCodec(limits, transform);
    case 'html':
      return createHtmlCodec({ ...limits, inlineScripts }, transform);
  }
}
