/**
 * CSV cells that spreadsheets would run as formulas are neutralised as OWASP recommends (a single
 * quote in front), for text only: numbers stay numbers. regiosim's readers take the quote off.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/formats/csv.js';
import { decodeCell } from '../../src/formats/schema.js';
import { csvField, neutralise, toCsv, unneutralise } from '../../src/formats/text.js';

describe('formula neutralisation', () => {
  it('puts a quote before text that starts with =, +, -, @, a tab or a carriage return', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField('+31 70 123')).toBe("'+31 70 123");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
  });

  it('leaves other text, and every number, as it is', () => {
    expect(csvField("'s-Gravenhage")).toBe("'s-Gravenhage");
    expect(csvField('Den Haag = The Hague')).toBe('Den Haag = The Hague');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(-1e-7)).toBe('-1e-7');
    expect(csvField(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(toCsv(['x', 'name'], [[-3, '-3']])).toBe("x,name\n-3,'-3\n");
  });

  it('reads back to the text that was written', () => {
    for (const text of ['=1+1', '+x', '-', '@', '\tx', '\rx', "'s-Hertogenbosch", "'=already quoted by hand", 'plain']) {
      const table = parseCsv(toCsv(['name'], [[text]]));
      const cell = table.rows[0]![0]!;
      expect(decodeCell('text', false, cell)).toBe(text === "'=already quoted by hand" ? '=already quoted by hand' : text);
      expect(unneutralise(neutralise(text))).toBe(text === "'=already quoted by hand" ? '=already quoted by hand' : text);
    }
  });
});
