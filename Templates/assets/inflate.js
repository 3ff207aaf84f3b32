/* hashi offline search: zlib data inflated in JavaScript, for browsers without
 * DecompressionStream (before 2023). search.js loads this file only there; the text files of the
 * index are deflated by Sources/HashiSite/Index/Compressed.swift. RFC 1950 and 1951. */
(function (global) {
  'use strict';

  var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  var LEXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577];
  var DEXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  var ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  /** A canonical Huffman code from its code lengths: how many codes of each length, and the symbols in order. */
  function huffman(lengths) {
    var counts = new Uint16Array(16), offsets = new Uint16Array(16), symbols = new Uint16Array(lengths.length);
    for (var i = 0; i < lengths.length; i++) counts[lengths[i]]++;
    counts[0] = 0;
    for (i = 1; i < 16; i++) offsets[i] = offsets[i - 1] + counts[i - 1];
    for (i = 0; i < lengths.length; i++) if (lengths[i]) symbols[offsets[lengths[i]]++] = i;
    return { counts: counts, symbols: symbols };
  }

  /** zlib data (RFC 1950/1951) inflated, a bit at a time: slow, and only for old browsers. */
  function inflateZlib(src) {
    var out = new Uint8Array(src.length * 4 + 64), size = 0, at = 2, buffer = 0, held = 0;
    function bits(n) {
      while (held < n) { buffer |= (src[at++] || 0) << held; held += 8; }
      var value = buffer & ((1 << n) - 1);
      buffer >>>= n; held -= n;
      return value;
    }
    function room(n) {
      if (size + n <= out.length) return;
      var bigger = new Uint8Array(Math.max(out.length * 2, size + n));
      bigger.set(out); out = bigger;
    }
    function decode(code) {
      var value = 0, first = 0, index = 0;
      for (var length = 1; length < 16; length++) {
        value |= bits(1);
        var count = code.counts[length];
        if (value - first < count) return code.symbols[index + value - first];
        index += count; first = (first + count) << 1; value <<= 1;
      }
      throw new Error('hashi search: bad deflate data');
    }
    function codes(literal, distance) {
      for (;;) {
        var symbol = decode(literal);
        if (symbol < 256) { room(1); out[size++] = symbol; continue; }
        if (symbol === 256) return;
        symbol -= 257;
        var length = LBASE[symbol] + bits(LEXTRA[symbol]);
        var d = decode(distance);
        var back = DBASE[d] + bits(DEXTRA[d]);
        room(length);
        for (var k = 0; k < length; k++, size++) out[size] = out[size - back];
      }
    }
    function dynamic() {
      var nlen = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4, lengths = new Uint8Array(19);
      for (var i = 0; i < ncode; i++) lengths[ORDER[i]] = bits(3);
      var lencode = huffman(lengths), all = new Uint8Array(nlen + ndist);
      for (i = 0; i < nlen + ndist;) {
        var symbol = decode(lencode);
        if (symbol < 16) { all[i++] = symbol; continue; }
        var repeat = symbol === 16 ? 3 + bits(2) : symbol === 17 ? 3 + bits(3) : 11 + bits(7);
        var value = symbol === 16 ? all[i - 1] : 0;
        while (repeat--) all[i++] = value;
      }
      codes(huffman(all.subarray(0, nlen)), huffman(all.subarray(nlen)));
    }
    var fixed = null;
    for (var last = 0; !last;) {
      last = bits(1);
      var type = bits(2);
      if (type === 0) {
        buffer = 0; held = 0;
        var length = src[at] | (src[at + 1] << 8);
        at += 4; room(length);
        out.set(src.subarray(at, at + length), size); size += length; at += length;
      } else if (type === 1) {
        if (!fixed) {
          var l = new Uint8Array(288);
          for (var i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
          fixed = [huffman(l), huffman(new Uint8Array(30).fill(5))];
        }
        codes(fixed[0], fixed[1]);
      } else if (type === 2) {
        dynamic();
      } else {
        throw new Error('hashi search: bad deflate block');
      }
    }
    return out.subarray(0, size);
  }

  global.HashiInflate = inflateZlib;
  if (global.HashiSearch) global.HashiSearch.register('', 'assets/inflate', inflateZlib);
})(typeof window !== 'undefined' ? window : globalThis);
