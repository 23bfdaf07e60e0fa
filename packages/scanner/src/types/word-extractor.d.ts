declare module 'word-extractor' {
  type Options = { includeFooters?: boolean; includeHeadersAndFooters?: boolean; includeBody?: boolean };
  export class Document {
    getBody(): string;
    getFootnotes(): string;
    getEndnotes(): string;
    getHeaders(options?: Options): string;
    getFooters(): string;
    getAnnotations(): string;
    getTextboxes(options?: Options): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<Document>;
  }
}
