import {
  createCsvCodec,
  createCsvDecoder,
  createXmlDecoder,
  createNdjsonDecoder,
  createJsonNumbersCodec,
  type RecordDecoder,
  createHtmlCodec,
  createSseCodec,
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
    case 'ndjson':
      // Member and element numbers are masked too: core keeps numbers verbatim, so a salary or a My Number sent
      // as a number would pass. This codec lifts them into leaves of their place's field for the transform and
      // writes them back verbatim when unchanged (as codecWithJsonNumbers over liftJsonNumbers, which `kamen
      // mask` and the HTML/SSE codecs use, with the same output, in one pass).
      return createJsonNumbersCodec(limits, transform, format);
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

/**
 * The record decoder of a format whose records are worth masking in the pool's workers (pooled-stream.ts), or
 * undefined. Text, SSE (events must go out as they come) and HTML (embedded scripts) are always masked inline, and
 * so is a JSON document: measured (bench/proxy-pool.ts), its main thread kept ~90 % of its inline time when pooled
 * (tokenizing and lifting the numbers of a record array dominate) at twice the total CPU, where NDJSON, CSV and XML
 * moved 40-60 % of theirs to the worker.
 */
export function createPoolableDecoder(format: BodyFormat, limits: FormatLimits): RecordDecoder | undefined {
  switch (format) {
    case 'ndjson':
      return createNdjsonDecoder(limits);
    case 'csv':
      return createCsvDecoder(limits);
    case 'tsv':
      return createCsvDecoder({ ...limits, delimiter: '\t' });
    case 'xml':
      return createXmlDecoder(limits);
    default:
      return undefined;
  }
}
