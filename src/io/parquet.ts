/**
 * Writes a Parquet file (src/formats/parquet.ts) row by row with hyparquet-writer, in row groups
 * of {@link PARQUET_ROW_GROUP} rows, so memory stays flat however many rows there are. Like the
 * batch's CSV files it goes through a {@link StreamedFile}: a temporary name renamed into place
 * by {@link ParquetFile.finish}, with the SHA-256 of its bytes for the manifest. The same rows
 * give the same bytes.
 */
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { parquetValue, type ParquetColumn } from '../formats/parquet.js';
import { StreamedFile } from './write.js';

/** Rows per row group. */
export const PARQUET_ROW_GROUP = 16_384;

const ELEMENT: Record<ParquetColumn['type'], Pick<SchemaElement, 'type' | 'converted_type'>> = {
  INT64: { type: 'INT64' },
  DOUBLE: { type: 'DOUBLE' },
  STRING: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  BOOLEAN: { type: 'BOOLEAN' },
};

/** hyparquet-writer's byte writer, emptied into the file after every row group. */
class SinkWriter extends ByteWriter {
  constructor(private readonly file: StreamedFile) {
    super(1 << 20);
  }
  flush(): void {
    this.file.write(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
}

export class ParquetFile {
  private readonly file: StreamedFile;
  private readonly writer: ParquetWriter;
  private readonly data: (string | number | bigint | boolean | null)[][];
  private rows = 0;

  constructor(path: string, private readonly columns: readonly ParquetColumn[]) {
    this.file = new StreamedFile(path);
    const schema: SchemaElement[] = [
      { name: 'root', num_children: columns.length },
      ...columns.map((c): SchemaElement => ({ name: c.name, ...ELEMENT[c.type], repetition_type: c.nullable ? 'OPTIONAL' : 'REQUIRED' })),
    ];
    this.writer = new ParquetWriter({ writer: new SinkWriter(this.file), schema, createdBy: 'regiosim' });
    this.data = columns.map(() => []);
  }

  get name(): string {
    return this.file.name;
  }

  /** SHA-256 (hex) of the file's bytes, once finished. */
  get sha256(): string {
    return this.file.sha256;
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
    // Synchronous: the sink's flush returns nothing, so hyparquet-writer returns no promise.
    void this.writer.write({ columnData: this.columns.map((c, k) => ({ name: c.name, data: this.data[k]! })), rowGroupSize: this.rows });
    for (const d of this.data) d.length = 0;
    this.rows = 0;
  }

  finish(): void {
    this.flushGroup();
    void this.writer.finish();
    this.file.finish();
  }

  abort(): void {
    this.file.abort();
  }
}
