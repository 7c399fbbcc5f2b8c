import {
  createCsvDecoder,
  createNdjsonDecoder,
  createTextDecoder,
  createXmlDecoder,
  type FormatSpec,
  type RecordDecoder,
  type RecordUnit,
} from '@kamen/core';
import { createByteDecoder, createDecoderFor, type TextEncodingName } from '../io/index.js';
import { located } from '../io/records.js';
import type { SliceFormat, XmlSliceState } from '../io/slices.js';
import { retargetXmlDeclaration } from '../io/xml-declaration.js';

/** What a worker needs to decode a slice of the input by itself: the same for every slice of a stream. */
export interface SliceStream {
  /** The input's name, for messages. */
  readonly file: string;
  readonly format: SliceFormat;
  readonly encoding: TextEncodingName;
  /** From the main thread's decoding of the first records: the CSV delimiter. */
  readonly spec: FormatSpec;
  /** CSV/TSV: the header row's cells, the paths of every later slice's cells. */
  readonly columns: readonly string[];
  /** CSV/TSV: `\n` or `\r\n`, as the first row ended. */
  readonly recordDelimiter: string;
  /** XML written in another encoding: the declaration names this one (retargetXmlDeclaration). */
  readonly declareEncoding?: TextEncodingName;
}

/** One slice: its bytes and where they sit in the input. */
export interface SliceAt {
  readonly bytes: Uint8Array;
  readonly offset: number;
  readonly lines: number;
  /** XML: the elements open at its start and end, and its first column. */
  readonly xml?: XmlSliceState;
}

/**
 * The decoder a slice gets. The first slice gets the one a whole-file run uses (it reads the BOM, the header row and
 * the delimiter); a later one starts mid-stream with what the first slice established, and counts lines from its
 * own first line, so messages name lines of the file. Record numbers stay local: the main thread adds the records
 * of the slices before (it gets them in order).
 */
export function sliceDecoder(stream: SliceStream, at: SliceAt): RecordDecoder {
  if (stream.format === 'xml') return xmlSliceDecoder(stream, at);
  if (at.offset === 0) return createDecoderFor(stream.format);
  const firstLine = at.lines + 1;
  switch (stream.format) {
    case 'csv':
    case 'tsv': {
      const spec = stream.spec;
      return createCsvDecoder({
        delimiter: spec.format === 'csv' ? spec.delimiter : stream.format === 'tsv' ? '\t' : ',',
        columns: stream.columns,
        recordDelimiter: stream.recordDelimiter,
        firstLine,
      });
    }
    case 'ndjson':
      return createNdjsonDecoder({ firstLine });
    case 'text':
      return createTextDecoder({ firstLine });
  }
}

/**
 * An XML slice resumes inside the elements open at its start, at its line and column of the file; a slice the file
 * continues after ends with the elements open that the cut said, the last one with every end-of-document check.
 */
function xmlSliceDecoder(stream: SliceStream, at: SliceAt): RecordDecoder {
  const xml = at.xml;
  if (xml === undefined) throw new Error('kamen: an XML slice without its position');
  const decoder = createXmlDecoder({
    ...(at.offset > 0 ? { resume: { open: xml.open, line: at.lines + 1, column: xml.column } } : {}),
    ...(xml.next !== undefined ? { continues: xml.next } : {}),
  });
  const declare = stream.declareEncoding;
  if (at.offset > 0 || declare === undefined || declare === stream.encoding) return decoder;
  // The declaration is the first record's leading piece, as in the main thread's decode (io/records.ts).
  let first = true;
  const retarget = (units: RecordUnit[]): RecordUnit[] => {
    const unit = units[0];
    if (first && unit !== undefined) {
      first = false;
      retargetXmlDeclaration(unit, declare);
    }
    return units;
  };
  return {
    spec: decoder.spec,
    write: (chunk) => retarget(decoder.write(chunk)),
    end: () => retarget(decoder.end()),
  };
}

/** The slice's bytes as text. Throws the KamenError a whole-file run would throw for the same bytes. */
export function sliceText(stream: SliceStream, at: SliceAt): string {
  const bytes = createByteDecoder(stream.encoding, stream.file, { offset: at.offset, lines: at.lines });
  return bytes.write(at.bytes) + bytes.end();
}

/** Decodes a slice into records. Throws the KamenError a whole-file run would throw for the same bytes. */
export function decodeSlice(stream: SliceStream, at: SliceAt): RecordUnit[] {
  const text = sliceText(stream, at);
  const decoder = sliceDecoder(stream, at);
  const units = located(() => decoder.write(text), stream.file);
  for (const u of located(() => decoder.end(), stream.file)) units.push(u);
  return units;
}
