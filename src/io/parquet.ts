/**
 * Writes a Parquet file (src/formats/parquet.ts) row by row with hyparquet-writer, in row groups
 * of {@link PARQUET_ROW_GROUP} rows, so memory stays flat however many rows there are. Like the
 * batch's CSV files it is written to a temporary name and renamed into place by
 * {@link ParquetFile.finish}, which gives the SHA-256 of its bytes for the manifest. The same
 * rows give the same bytes.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { parquetValue, type ParquetColumn } from '../formats/parquet.js';
import { releaseTemp, siblingTemp, writing } from './write.js';

/** Rows per row group. */
export const PARQUET_ROW_GROUP = 16_384;

const ELEMENT: Record<ParquetColumn['type'], Pick<SchemaElement, 'type' | 'converted_type'>> = {
  INT64: { type: 'INT64' },
  DOUBLE: { type: 'DOUBLE' },
  STRING: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  BOOLEAN: { type: 'BOOLEAN' },
};

/** hyparquet-writer's byte writer, emptied into a file descriptor after every row group. */
class FdWriter extends ByteWriter {
  constructor(private readonly fd: number, private readonly path: string, private readonly hash: ReturnType<typeof createHash>) {
    super(1 << 20);
  }
  flush(): void {
    const bytes = new Uint8Array(this.buffer, 0, this.index);
    this.hash.update(bytes);
    writing(this.path, () => {
      let off = 0;
      while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    });
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
}

export class ParquetFile {
  private readonly fd: number;
  private readonly tmp: string;
  private readonly hash = createHash('sha256');
  private readonly writer: ParquetWriter;
  private readonly data: (string | number | bigint | boolean | null)[][];
  private rows = 0;
  private closed = false;
  /** SHA-256 (hex) of the file's bytes, once finished. */
  sha256 = '';

  constructor(private readonly path: string, private readonly columns: readonly ParquetColumn[]) {
    this.tmp = siblingTemp(path, 'tmp');
    try {
      this.fd = writing(path, () => openSync(this.tmp, 'w'));
    } catch (err) {
      releaseTemp(this.tmp);
      throw err;
    }
    const schema: SchemaElement[] = [
      { name: 'root', num_children: columns.length },
      ...columns.map((c): SchemaElement => ({ name: c.name, ...ELEMENT[c.type], repetition_type: c.nullable ? 'OPTIONAL' : 'REQUIRED' })),
    ];
    this.writer = new ParquetWriter({ writer: new FdWriter(this.fd, path, this.hash), schema, createdBy: 'regiosim' });
    this.data = columns.map(() => []);
  }

  get name(): string {
    return basename(this.path);
  }

  /** One row, cells in column order (numbers may be NaN; null or undefined for an empty cell). */
  add(cells: ArrayLike<string | number | boolean | null | undefined>): void {
    const { columns, data } = this;
    for (let k = 0; k < columns.length; k++) data[k]!.push(parquetValue(columns[k]!.type, cells[k]));
    this.rows += 1;
    if (this.rows >= PARQUET_ROW_GROUP) this.flushGroup();
  }

  private flushGroup(): void {
    if (this.rows === 0) return;
    void this.writer.write({ columnData: this.columns.map((c, k) => ({ name: c.name, data: this.data[k]! })), rowGroupSize: this.rows });
    for (const d of this.data) d.length = 0;
    this.rows = 0;
  }

  finish(): void {
    this.flushGroup();
    void this.writer.finish();
    writing(this.path, () => {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.closed = true;
      renameSync(this.tmp, this.path);
    });
    releaseTemp(this.tmp);
    this.sha256 = this.hash.digest('hex');
  }

  abort(): void {
    if (!this.closed) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
    }
    rmSync(this.tmp, { force: true });
    releaseTemp(this.tmp);
  }
}
