// The JavaScript tokenizer of Templates/assets/search.js against the vectors the Swift tests check too.
// Run: node --test Tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const root = new URL('../../', import.meta.url);
const context = {};
vm.createContext(context);
vm.runInContext(readFileSync(new URL('Templates/assets/search.js', root), 'utf8'), context);
vm.runInContext(readFileSync(new URL('Templates/assets/inflate.js', root), 'utf8'), context);
const { HashiSearch, HashiInflate } = context;
// Arrays made inside the vm context have another Array prototype; copy them into this realm.
const plain = (value) => JSON.parse(JSON.stringify(value));
const vectors = JSON.parse(readFileSync(new URL('Tests/HashiKitTests/Vectors/tokenizer.json', root), 'utf8'));

for (const vector of vectors) {
  test(`tokenizer: ${vector.note}`, () => {
    const tokens = plain(HashiSearch.tokenize(vector.input));
    assert.deepEqual(tokens.map((t) => t.text), vector.tokens, `tokens of ${JSON.stringify(vector.input)}`);
    assert.deepEqual(tokens.map((t) => t.position), vector.positions, `positions of ${JSON.stringify(vector.input)}`);
  });
}

test('a query splits into words and CJK phrases', () => {
  const terms = plain(HashiSearch.parseQuery('技能実習 shelters', false)).map((t) => t.tokens);
  assert.deepEqual(terms, [['技能', '能実', '実習'], ['shelt']]);
});

test('snippets mark the matched text in the original form', () => {
  const terms = HashiSearch.parseQuery('ｼｪﾙﾀｰ evacuating', false);
  const { parts } = plain(HashiSearch.snippet('近くのシェルターへ。Evacuation started.', terms));
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['シェルター', 'Evacuation']);
});

test('snippets do not mark a bigram pair that is not adjacent', () => {
  const terms = HashiSearch.parseQuery('京都', false);
  const { parts } = HashiSearch.snippet('東京と都合', terms);
  assert.equal(parts.filter((p) => p.mark).length, 0);
});

const SHARDS = [30, 46, 34, 43];
test('shard numbers match the Swift builder', () => {
  // SearchIndexTests checks the same numbers on the Swift side.
  assert.equal(HashiSearch.shardOf('shelt', 16), HashiSearch.shardOf('sh', 16));
  assert.equal(HashiSearch.shardOf('実習', 64), HashiSearch.shardOf('実', 64));
  assert.deepEqual(['shelt', '実習', 'evacu', 'aed'].map((t) => HashiSearch.shardOf(t, 64)), SHARDS);
});

test('posting lists decode as the Swift side wrote them', () => {
  const vector = JSON.parse(readFileSync(new URL('Tests/HashiKitTests/Vectors/postings.json', root), 'utf8'));
  const decoded = plain(HashiSearch.decodePostings(vector.encoded));
  assert.deepEqual(decoded.map((p) => p[0]), vector.postings.map((p) => p[0]));
  decoded.forEach((p, i) => assert.ok(Math.abs(p[1] - vector.postings[i][1]) <= 1e-12 * vector.postings[i][1], `weight ${i}`));
});

// Old browsers without DecompressionStream inflate the text files in JavaScript.
import { deflateSync, constants } from 'node:zlib';
test('HashiInflate gives back what zlib deflated, for every kind of block', () => {
  const samples = [
    '',
    'a',
    'Victims can stay in shelters run by NGOs. '.repeat(300),
    '外国人技能実習制度のもとで働く人が被害にあっています。'.repeat(50),
    Array.from({ length: 5000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 95))).join(''),
  ];
  for (const sample of samples) {
    const bytes = new TextEncoder().encode(sample);
    for (const options of [{ level: 6 }, { level: 1 }, { level: 0 }, { strategy: constants.Z_FIXED }, { strategy: constants.Z_HUFFMAN_ONLY }]) {
      const out = HashiInflate(new Uint8Array(deflateSync(bytes, options)));
      assert.equal(new TextDecoder().decode(out), sample, `${sample.length} characters with ${JSON.stringify(options)}`);
    }
  }
});

test('text files decode to the bytes the Swift side wrote, seven bits a character', () => {
  const file = JSON.parse(readFileSync(new URL('Tests/HashiKitTests/Vectors/script-strings.json', root), 'utf8'));
  assert.ok(file.vectors.length > 0);
  for (const vector of file.vectors) {
    assert.deepEqual(Array.from(HashiSearch.bytesOf(vector.string)), vector.bytes, JSON.stringify(vector.string));
  }
});
