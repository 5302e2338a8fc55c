// Verifies ledger entries in the browser, trusting nothing but the log's published key:
// the leaf hash is computed from the exact leaf bytes with WebCrypto SHA-256, the inclusion proof
// is folded into a root by the RFC 9162 §2.1.3.2 algorithm, the root is compared with the signed
// checkpoint's, and the checkpoint's Ed25519 signature is checked with WebCrypto where the browser
// supports Ed25519 (Chromium 137+, Firefox 129+, Safari 17+). No portal imports: any page can use it.
//
//   import { verifyEntry } from './ledger-verify.js';
//   const r = await verifyEntry(42);   // {verified, treeSize, rootHex, reason, signature, ...}
//
// reason is null when verified, else one of: 'no-such-entry', 'not-yet-in-checkpoint',
// 'root-mismatch', 'bad-signature', 'bad-key', 'bad-checkpoint', 'bad-proof', 'unavailable',
// 'insecure-context' (WebCrypto exists only on https:// pages and on localhost).
// signature is 'valid', 'invalid' or 'unsupported' (the browser has no Ed25519; the root is
// still checked, against the checkpoint as served).

const API = 'api/v1/ledger';
const CHECKPOINT_TTL_MS = 5000;

let cached = null; // {at, promise}

export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function sha256(...parts) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', concat(...parts)));
}

/** SHA-256(0x00 ‖ leaf): the RFC 9162 leaf hash. */
export function leafHash(leaf) {
  return sha256(new Uint8Array([0]), leaf);
}

function nodeHash(left, right) {
  return sha256(new Uint8Array([1]), left, right);
}

function equal(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** The root implied by an inclusion proof (RFC 9162 §2.1.3.2), or null if the proof is malformed. */
export async function rootFromInclusionProof(index, size, leafHashBytes, proof) {
  if (!(index >= 0 && index < size)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHashBytes;
  for (const p of proof) {
    if (p.length !== 32 || sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/**
 * Whether a consistency proof shows the tree (m, oldRoot) is a prefix of (n, newRoot), by
 * RFC 9162 §2.1.4.2. Roots and proof elements are Uint8Arrays.
 */
export async function verifyConsistency(m, n, oldRoot, newRoot, proof) {
  if (!(m >= 1 && m <= n)) return false;
  if (m === n) return proof.length === 0 && equal(oldRoot, newRoot);
  if (proof.length === 0 || proof.some((p) => p.length !== 32)) return false;
  // For a power-of-two m the old tree is a complete subtree: its root is left out of the proof.
  const path = isPowerOfTwo(m) ? [oldRoot, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(fr, oldRoot) && equal(sr, newRoot);
}

function isPowerOfTwo(m) {
  let x = m;
  while (x > 1) {
    if (x % 2 !== 0) return false;
    x /= 2;
  }
  return x === 1;
}

/** Parses a C2SP verifier key <name>+<hex id>+<base64(0x01 ‖ key)> and checks its key id. */
export async function parseVerifierKey(text) {
  // The name holds no '+', but base64 may: split at the first two only.
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!m) throw new LedgerCheckError('bad-key');
  const parts = [m[1], m[2], m[3]];
  const typed = fromBase64(parts[2]);
  if (typed.length !== 33 || typed[0] !== 1) throw new LedgerCheckError('bad-key');
  const name = parts[0];
  const id = (await sha256(new TextEncoder().encode(`${name}\n`), typed)).slice(0, 4);
  if (toHex(id) !== parts[1]) throw new LedgerCheckError('bad-key');
  return { name, keyId: id, publicKey: typed.slice(1) };
}

class LedgerCheckError extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

async function ed25519Verify(publicKey, signature, message) {
  let key;
  try {
    key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    return 'unsupported';
  }
  return (await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message)) ? 'valid' : 'invalid';
}

/**
 * Opens a signed checkpoint note with the verifier key: {origin, size, root, rootHex, signature}.
 * Throws LedgerCheckError('bad-checkpoint' | 'bad-signature').
 */
export async function openCheckpoint(note, key) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new LedgerCheckError('bad-checkpoint');
  const text = note.slice(0, split + 1);
  const lines = text.slice(0, -1).split('\n');
  if (lines.length !== 3 || !/^(0|[1-9][0-9]*)$/.test(lines[1])) throw new LedgerCheckError('bad-checkpoint');
  if (lines[0] !== key.name) throw new LedgerCheckError('bad-checkpoint');
  const root = fromBase64(lines[2]);
  if (root.length !== 32) throw new LedgerCheckError('bad-checkpoint');
  let signature = 'invalid';
  const prefix = `\u2014 ${key.name} `;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    if (!line.startsWith(prefix)) continue;
    const sig = fromBase64(line.slice(prefix.length));
    if (sig.length !== 68 || !equal(sig.slice(0, 4), key.keyId)) continue;
    signature = await ed25519Verify(key.publicKey, sig.slice(4), new TextEncoder().encode(text));
    if (signature !== 'invalid') break;
  }
  if (signature === 'invalid') throw new LedgerCheckError('bad-signature');
  return { origin: lines[0], size: Number(lines[1]), root, rootHex: toHex(root), signature, note };
}

async function fetchText(path) {
  const response = await fetch(`${API}${path}`, { headers: { Accept: 'text/plain' }, cache: 'no-store' });
  if (!response.ok) throw new LedgerCheckError('unavailable');
  return response.text();
}

async function fetchJson(path) {
  const response = await fetch(`${API}${path}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new LedgerCheckError('unavailable');
  return response.json();
}

/**
 * The current checkpoint, fetched and opened with the published key (shared for a few seconds, so
 * a page verifying many entries fetches it once). Rejects with an Error whose reason says why.
 */
export function currentCheckpoint({ fresh = false } = {}) {
  const now = Date.now();
  if (fresh || !cached || now - cached.at > CHECKPOINT_TTL_MS) {
    const promise = (async () => {
      const [keyText, note] = await Promise.all([fetchText('/key'), fetchText('/checkpoint')]);
      return openCheckpoint(note, await parseVerifierKey(keyText));
    })();
    cached = { at: now, promise };
    promise.catch(() => {
      if (cached && cached.promise === promise) cached = null;
    });
  }
  return cached.promise;
}

/**
 * Verifies the entry at index against the current signed checkpoint:
 * {verified, treeSize, rootHex, reason, signature, index, entry, leafHashHex}.
 */
export async function verifyEntry(index) {
  const result = { verified: false, treeSize: null, rootHex: null, reason: null, signature: null, index, entry: null, leafHashHex: null };
  try {
    if (!globalThis.crypto || !crypto.subtle) throw new LedgerCheckError('insecure-context');
    const checkpoint = await currentCheckpoint();
    Object.assign(result, { treeSize: checkpoint.size, rootHex: checkpoint.rootHex, signature: checkpoint.signature });
    const page = await fetchJson(`/entries?start=${index}&end=${index + 1}`);
    const served = (page.entries || []).find((e) => e.index === index);
    if (!served) throw new LedgerCheckError('no-such-entry');
    const leaf = fromBase64(served.leaf);
    // The entry shown is read from the verified bytes, not from the server's parsed copy.
    result.entry = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(leaf));
    const hash = await leafHash(leaf);
    result.leafHashHex = toHex(hash);
    if (index >= checkpoint.size) throw new LedgerCheckError('not-yet-in-checkpoint');
    const proof = await fetchJson(`/proof/inclusion?index=${index}&size=${checkpoint.size}`);
    const root = await rootFromInclusionProof(index, checkpoint.size, hash, (proof.proof || []).map(fromBase64));
    if (root === null) throw new LedgerCheckError('bad-proof');
    if (!equal(root, checkpoint.root)) throw new LedgerCheckError('root-mismatch');
    result.verified = true;
  } catch (e) {
    result.reason = e instanceof LedgerCheckError ? e.reason : 'unavailable';
  }
  return result;
}

const SEEN_KEY = 'tribune.ledger.seen';

/**
 * Holds the log to what this browser saw before: if it remembered an earlier checkpoint of the
 * same log, the current one must extend it (consistency proof); then the current one is
 * remembered. → {status: 'first' | 'consistent' | 'inconsistent' | 'unavailable', seenSize}
 */
export async function checkAgainstSeen(checkpoint) {
  let seen = null;
  try {
    seen = JSON.parse(localStorage.getItem(SEEN_KEY) || 'null');
  } catch (e) {
    seen = null;
  }
  const remember = () => {
    try {
      localStorage.setItem(SEEN_KEY, JSON.stringify({ origin: checkpoint.origin, size: checkpoint.size, rootHex: checkpoint.rootHex }));
    } catch (e) {
      // Private mode or storage full: the check still ran, it just will not be remembered.
    }
  };
  const sameLog = seen && seen.origin === checkpoint.origin && seen.size >= 1 && /^[0-9a-f]{64}$/.test(seen.rootHex || '');
  if (!sameLog) {
    remember();
    return { status: 'first', seenSize: null };
  }
  // A log that shrank has dropped entries: keep the memory of the larger one.
  if (seen.size > checkpoint.size) return { status: 'inconsistent', seenSize: seen.size };
  const oldRoot = new Uint8Array(seen.rootHex.match(/../g).map((x) => Number.parseInt(x, 16)));
  let ok;
  try {
    const body = await fetchJson(`/proof/consistency?from=${seen.size}&to=${checkpoint.size}`);
    ok = await verifyConsistency(seen.size, checkpoint.size, oldRoot, checkpoint.root, (body.proof || []).map(fromBase64));
  } catch (e) {
    return { status: 'unavailable', seenSize: seen.size };
  }
  if (ok) remember();
  return { status: ok ? 'consistent' : 'inconsistent', seenSize: seen.size };
}

/** Whether this browser can check Ed25519 signatures with WebCrypto. */
export async function ed25519Supported() {
  if (!globalThis.crypto || !crypto.subtle) return false;
  try {
    const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
    return Boolean(pair && pair.publicKey);
  } catch (e) {
    return false;
  }
}
