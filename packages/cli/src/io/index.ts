/**
 * The CLI's input/output layer, shared by `kamen mask` and `kamen scan`.
 *
 * ```ts
 * const input = await openInput({ path, stdin: process.stdin, encoding: 'auto', format: 'auto' });
 * input.encoding; // 'utf-8' | 'shift_jis' | 'cp932' | 'euc-jp' (detected from the first 64 KiB unless given)
 * input.bom;      // the input began with a UTF-8 BOM (stripped from the text; write it back with the output)
 * input.format;   // 'csv' | 'tsv' | 'xml' | 'json' | 'ndjson' | 'text' (extension of --in, else sniffed)
 * const source = await openRecords(input, { sampleRecords: 1000 });
 * source.columns; // CSV/TSV header names in order
 * source.sample;  // the first records (RecordUnit[]), read ahead for classification
 * source.spec;    // FormatSpec for encodeRecords
 * for await (const batch of source.batches()) … // every record, sample included, thousands per batch
 * const out = await openOutput(outPath, process.stdout); // temp file + fsync + rename, or stdout
 * await out.write(encodeText(text, 'cp932', recordNo)); // KAMEN_ERR_OUTPUT_ENCODING if not representable
 * await out.commit(); // or out.abort() on failure: the target is absent or complete, never partial
 * ```
 *
 * Invalid input bytes throw KAMEN_ERR_INPUT_ENCODING with the byte offset and line (never U+FFFD, CLI-05);
 * malformed records throw the codecs' KAMEN_ERR_INPUT_* errors with line, column, path and record.
 */
export { ENCODINGS, parseEncodingName, detectEncoding, createByteDecoder, encodeText } from './encoding.js';
export type { TextEncodingName, ByteDecoder } from './encoding.js';
export { FORMATS, formatFromPath, sniffFormat, createDecoderFor, type InputFormat } from './format.js';
export { openInput, SNIFF_BYTES, type InputOptions, type OpenedInput } from './input.js';
export { openRecords, type RecordOptions, type RecordSource } from './records.js';
export type { SkippedRecord } from './resync.js';
export { openOutput, removeTempFilesSync, type OutputSink } from './output.js';
export { kamenError } from './errors.js';
export { retargetXmlDeclaration } from './xml-declaration.js';
