// A runtime's wasm as a chain carries it: the version it announces (its `runtime_version`
// custom section) read and rewritten, and the code a chain spec embeds, decompressed.
import { spawnSync } from 'node:child_process';

/** The 8 bytes before a zstd-compressed runtime (sp-maybe-compressed-blob). */
const COMPRESSED_PREFIX = Buffer.from('52bc537646db8e05', 'hex');

/** Reads an unsigned LEB128 integer at `offset`: [value, bytes read]. */
function leb128(bytes, offset) {
  let value = 0;
  let shift = 0;
  let read = 0;
  for (;;) {
    const byte = bytes[offset + read];
    value += (byte & 0x7f) * 2 ** shift;
    read += 1;
    if (!(byte & 0x80)) return [value, read];
    shift += 7;
  }
}

/** Reads a SCALE compact integer at `offset` (lengths here are small): [value, bytes read]. */
function compact(bytes, offset) {
  const mode = bytes[offset] & 3;
  if (mode === 0) return [bytes[offset] >> 2, 1];
  if (mode === 1) return [(bytes[offset] | (bytes[offset + 1] << 8)) >> 2, 2];
  if (mode === 2) return [new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true) >>> 2, 4];
  throw new Error('a string too long for a runtime name');
}

/**
 * Where `spec_version` sits in `code`'s `runtime_version` section (SCALE `RuntimeVersion`:
 * spec name, impl name, authoring version, spec version, ...).
 */
function specVersionOffset(code) {
  let offset = 8; // magic and version
  while (offset < code.length) {
    const id = code[offset];
    const [size, sizeBytes] = leb128(code, offset + 1);
    const body = offset + 1 + sizeBytes;
    if (id === 0) {
      const [nameLength, nameBytes] = leb128(code, body);
      const name = new TextDecoder().decode(code.subarray(body + nameBytes, body + nameBytes + nameLength));
      if (name === 'runtime_version') {
        let at = body + nameBytes + nameLength;
        for (let string = 0; string < 2; string += 1) {
          const [length, lengthBytes] = compact(code, at);
          at += lengthBytes + length;
        }
        return at + 4; // past authoring_version
      }
    }
    offset = body + size;
  }
  throw new Error('the code has no runtime_version section');
}

/** The spec version `code` (uncompressed wasm) announces. */
export function specVersionOf(code) {
  return new DataView(code.buffer, code.byteOffset).getUint32(specVersionOffset(code), true);
}

/** A copy of `code` (uncompressed wasm) that announces `specVersion`. */
export function withSpecVersion(code, specVersion) {
  const copy = Uint8Array.from(code);
  new DataView(copy.buffer).setUint32(specVersionOffset(copy), specVersion, true);
  return copy;
}

/**
 * `code` as the chain stores it (zstd-compressed behind an 8-byte prefix, or plain wasm),
 * uncompressed: by Debian's `zstd`.
 */
export function uncompressed(code) {
  const bytes = Buffer.from(code);
  if (!bytes.subarray(0, 8).equals(COMPRESSED_PREFIX)) return new Uint8Array(bytes);
  const unzipped = spawnSync('zstd', ['-d', '-c', '-q'], {
    input: bytes.subarray(8), maxBuffer: 64 * 1024 * 1024,
  });
  if (unzipped.status !== 0) throw new Error(`zstd could not decompress the runtime: ${unzipped.stderr}`);
  return new Uint8Array(unzipped.stdout);
}

/** The runtime a chain spec (plain, as `export-chain-spec` writes it) starts its chain with. */
export function runtimeOfChainSpec(spec) {
  return uncompressed(Buffer.from(spec.genesis.runtimeGenesis.code.slice(2), 'hex'));
}
