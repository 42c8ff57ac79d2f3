import { describe, expect, it } from 'vitest';
import { CsvError, missingColumns, parseCsv, parseCsvRecords, parseNumberCell } from '../../src/formats/csv.js';
import { toCsv } from '../../src/formats/text.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const t = parseCsv('\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\r\n', 'f.csv');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows).toEqual([
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
    ]);
    expect(t.lines).toEqual([2, 3]);
  });

  it('reads what src/io/write.ts writes, field for field', () => {
    const rows = [['a,b', 'q"uote', 1.5, null, true, NaN], ['plain', '', -0, 1e-12, false, 3]] as const;
    const t = parseCsv(toCsv(['s', 't', 'x', 'y', 'z', 'w'], rows));
    expect(t.rows).toEqual([
      ['a,b', 'q"uote', '1.5', '', 'true', 'NaN'],
      ['plain', '', '0', '1e-12', 'false', '3'],
    ]);
  });

  it('accepts a missing final line break and ignores blank lines at the end', () => {
    expect(parseCsv('a,b\n1,2').rows).toEqual([['1', '2']]);
    expect(parseCsv('a,b\n1,2\n\n\n').rows).toEqual([['1', '2']]);
    expect(parseCsvRecords('').records).toEqual([]);
  });

  it('reports the file and line of broken records', () => {
    const err = (text: string): CsvError => {
      try {
        parseCsv(text, 'runs.csv');
      } catch (e) {
        return e as CsvError;
      }
      throw new Error('expected a CsvError');
    };
    expect(err('a,b\n1,2\n3\n').message).toBe('runs.csv, line 3: 1 field(s), but the header has 2');
    expect(err('a,b\n1,"open\n\n').message).toBe('runs.csv, line 2: a quoted field is not closed (missing ")');
    expect(err('a,b\n1,"x"y\n').message).toBe('runs.csv, line 2: unexpected text after a closing quote: "y\\n"');
    expect(err('a,b\n1,x"y\n').line).toBe(2);
    expect(err('a,a\n').message).toBe('runs.csv, line 1: column name "a" appears twice in the header');
    expect(err('a,\n').message).toBe('runs.csv, line 1: column 2 of the header has no name');
    expect(err('').message).toBe('runs.csv, line 1: the file is empty (expected a header row)');
    // line numbers count the line breaks inside quoted fields
    expect(err('a,b\n"x\ny",1\n2\n').line).toBe(4);
  });

  it('lists missing columns', () => {
    expect(missingColumns(parseCsv('a,c\n'), ['a', 'b', 'c', 'd'])).toEqual(['b', 'd']);
  });
});

describe('parseNumberCell', () => {
  it('reads numbers as the project writes them', () => {
    expect(parseNumberCell('')).toBeNull();
    expect(parseNumberCell('NaN')).toBeNaN();
    expect(parseNumberCell('Infinity')).toBe(Infinity);
    expect(parseNumberCell('-Inf')).toBe(-Infinity);
    expect(parseNumberCell('1.5e-7')).toBe(1.5e-7);
    expect(parseNumberCell('-.5')).toBe(-0.5);
    expect(parseNumberCell(' 42 ')).toBe(42);
  });
  it('refuses what is not a number', () => {
    for (const t of ['abc', '1,5', '0x10', '1e', '--1', '1.2.3']) expect(parseNumberCell(t), t).toBeUndefined();
  });
});
