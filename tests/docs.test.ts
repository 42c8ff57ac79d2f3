/**
 * The generated documentation is current: docs/formats.md is the codebook of the schemas, and
 * the README's column tables are those of the registries. `npm run docs` rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebook, readmeBlocks } from '../src/render/codebook.js';
import { oddBlocks } from '../src/render/odd.js';
import { ROOT } from './setup/build.js';

const WRITE = process.env['DOCS_WRITE'] === '1';
const FORMATS = join(ROOT, 'docs', 'formats.md');
const README = join(ROOT, 'README.md');
const ODD = join(ROOT, 'docs', 'ODD.md');

/** A document with each `<!-- generated: NAME -->` … `<!-- end generated -->` block replaced. */
function withBlocks(doc: string, blocks: Record<string, string>, file = 'README.md'): string {
  let out = doc;
  for (const [name, text] of Object.entries(blocks)) {
    const re = new RegExp(`(<!-- generated: ${name} -->\\n)[\\s\\S]*?(<!-- end generated -->)`);
    if (!re.test(out)) throw new Error(`${file} has no block <!-- generated: ${name} --> … <!-- end generated -->`);
    out = out.replace(re, (_m, open: string, close: string) => `${open}${text}${close}`);
  }
  return out;
}

describe('generated documentation', () => {
  it('docs/formats.md is the codebook of the output schemas', () => {
    if (WRITE) writeFileSync(FORMATS, codebook());
    expect(readFileSync(FORMATS, 'utf8')).toBe(codebook());
  });

  it('the README\'s column tables are those of the measure and event registries', () => {
    const readme = readFileSync(README, 'utf8');
    const fresh = withBlocks(readme, readmeBlocks());
    if (WRITE) writeFileSync(README, fresh);
    expect(readFileSync(README, 'utf8')).toBe(fresh);
  });

  it('the parameter tables and the kind table of docs/ODD.md are those of the registry', () => {
    const odd = readFileSync(ODD, 'utf8');
    const fresh = withBlocks(odd, oddBlocks(), 'docs/ODD.md');
    if (WRITE) writeFileSync(ODD, fresh);
    expect(readFileSync(ODD, 'utf8')).toBe(fresh);
  });
});
