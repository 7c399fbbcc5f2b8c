export type {
  LeafKind,
  LeafLocation,
  Leaf,
  RecordUnit,
  LeafTransform,
  RecordTransform,
  FormatTransformHooks,
  FormatTransform,
  FormatSpec,
  RecordBatch,
  RecordDecoder,
  TextCodec,
} from './types.js';
export { DEFAULT_LIMITS, type FormatLimits } from './limits.js';
export { applyTransform } from './apply.js';
export { encodeRecords } from './encode.js';
export { packRecords, unpackRecords, packedTransferList, type PackedRecords } from './pack.js';
export { createJsonDecoder, createJsonCodec, type JsonCodecOptions } from './json-codec.js';
export { createNdjsonDecoder, createNdjsonCodec, type NdjsonDecoderOptions } from './ndjson-codec.js';
export { createXmlDecoder, createXmlCodec, type XmlCodecOptions, type XmlResume } from './xml-codec.js';
export { createCsvDecoder, createCsvCodec, createTsvCodec, type CsvCodecOptions } from './csv-codec.js';
export { createTextDecoder, createTextCodec, type TextDecoderOptions } from './text-codec.js';
export { codecStream } from './codec-stream.js';
export { createSseDecoder, createSseCodec } from './sse-codec.js';
export { liftJsonNumbers, lowerJsonNumbers, type LiftedNumbers } from './json-numbers.js';
export { createJsonNumbersCodec } from './json-lifted.js';
export { maskJsonWhole } from './json-whole.js';
export { codecWithJsonNumbers } from './embedded-json.js';
export { createHtmlDecoder, createHtmlCodec, type HtmlCodecOptions } from './html-codec.js';
