/**
 * Writes one import-format JSON file as a stream: `{"deals": [ ...one record per line... ],
 * "sources": [...]}`. Records are serialised one at a time and flushed in ~1 MB writes that
 * respect back-pressure, so a file of any size never exists as one string in memory.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const FLUSH_AT = 1 << 20;

export class JsonCollectionsWriter {
  private readonly out: WriteStream;
  private buffer = '{';
  private collections = 0;
  private inCollection = 0; // records written in the open collection, -1 when none is open
  private bytes = 0;

  constructor(readonly file: string) {
    this.out = createWriteStream(file);
    this.inCollection = -1;
  }

  /** Opens the next top-level collection; the previous one is closed. */
  async begin(collection: string): Promise<void> {
    await this.endCollection();
    this.buffer += `${this.collections++ ? ',\n' : '\n'}${JSON.stringify(collection)}: [`;
    this.inCollection = 0;
  }

  /** Adds one record (an object, or its JSON text) to the open collection. */
  async add(record: object | string): Promise<void> {
    if (this.inCollection < 0) throw new Error(`${this.file}: add() before begin()`);
    this.buffer += `${this.inCollection++ ? ',\n' : '\n'}${typeof record === 'string' ? record : JSON.stringify(record)}`;
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  private async endCollection(): Promise<void> {
    if (this.inCollection >= 0) this.buffer += this.inCollection ? '\n]' : ']';
    this.inCollection = -1;
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    this.bytes += Buffer.byteLength(chunk);
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Closes the file; resolves with its size in bytes once it is on disk. */
  async close(): Promise<number> {
    await this.endCollection();
    this.buffer += '\n}\n';
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
    return this.bytes;
  }
}
