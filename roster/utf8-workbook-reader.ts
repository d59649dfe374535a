// exceljs's streaming reader, with its XML decoded as UTF-8 across chunk boundaries. exceljs 4.4.0
// turns each inflated chunk into text on its own (lib/utils/parse-sax.js), so a Chinese character
// whose bytes straddle two chunks becomes two U+FFFD (exceljs issues 2084, 2063, 2316; the fixes
// proposed in pull requests 1665, 1821, 2081 and 2894 are not merged). A stream with an encoding
// set hands out whole characters, and parse-sax passes text through as it is: so each entry the
// reader parses is given one, and each sheet's chunks go through a StringDecoder.
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

type Entry = NodeJS.ReadableStream & { setEncoding(e: BufferEncoding): unknown };

interface ReaderInternals {
  _parseRels(entry: Entry): Promise<void>;
  _parseWorkbook(entry: Entry): Promise<void>;
  _parseStyles(entry: Entry): Promise<void>;
  _parseSharedStrings(entry: Entry): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

async function* decoded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: string, options: object) => ReaderInternals & AsyncIterable<unknown>;

/** exceljs's WorkbookReader, reading every character whole. */
export class Utf8WorkbookReader extends Base {
  override _parseRels(entry: Entry): Promise<void> {
    entry.setEncoding('utf8');
    return super._parseRels(entry);
  }

  override _parseWorkbook(entry: Entry): Promise<void> {
    entry.setEncoding('utf8');
    return super._parseWorkbook(entry);
  }

  override _parseStyles(entry: Entry): Promise<void> {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }

  override _parseSharedStrings(entry: Entry): AsyncGenerator<unknown> {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  override *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    yield* super._parseWorksheet(decoded(iterator), sheetNo);
  }
}
