// The decision log checked in the auditor's browser, independently of the service's own check:
// a decision's stored columns -> its content hash -> its audit record hash -> its leaf (RFC 9162
// leaf hash) -> the inclusion proof folded to a root -> that root in the latest checkpoint -> the
// checkpoint's Ed25519 signature (C2SP signed note) under the service's verifier key. The same
// checks as `fulcrum audit verify-decision` (engine io.fulcrum.engine.transparency), written again
// here on the browser's Web Crypto so that the service is not trusted to check itself.
//
// Written by hand rather than taken from a library: the formats are small and Fulcrum's own
// (field hash, leaf text), and no kept npm package verifies C2SP notes and RFC 9162 proofs with
// Web Crypto without pulling a Node crypto polyfill into the console.

/** The stored decision columns the content hash covers, in order (engine AuditLeaf.DECISION_COLUMNS). */
export const DECISION_COLUMNS = [
  'id',
  'sequence',
  'createdAt',
  'createdBy',
  'idempotencyKey',
  'requestHash',
  'accountId',
  'policyId',
  'policyVersion',
  'policyHash',
  'status',
  'asOf',
  'decisionHash',
  'requestJson',
  'decisionJson',
] as const;

export interface LeafView {
  format: string;
  decisionId: string;
  leafIndex: number;
  leaf: string;
  leafHash: string;
  record: {
    sequence: number;
    kind: string;
    subjectId: string;
    contentHash: string;
    previousHash: string;
    recordedAt: string;
    recordedBy: string;
    recordHash: string;
  };
  columns: Record<string, string | null>;
}

export interface InclusionProofView {
  decisionId: string;
  leafIndex: number;
  treeSize: number;
  hashes: string[];
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  /** The signed text: the body's lines, each ending in a newline. */
  body: string;
  signatures: { name: string; keyId: Uint8Array; signature: Uint8Array }[];
}

export interface VerifierKey {
  name: string;
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

/** One check: what was compared, and whether it held. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const utf8 = new TextEncoder();

function cryptoSubtle(): SubtleCrypto {
  if (!globalThis.crypto?.subtle) {
    throw new Error('this page is not a secure context (HTTPS or 127.0.0.1): the browser offers no Web Crypto to check with');
  }
  return globalThis.crypto.subtle;
}

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await cryptoSubtle().digest('SHA-256', all));
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Hex SHA-256 over fields each written `<UTF-8 byte length>:<bytes>`, a null field as `-1:` (engine FieldHash). */
export async function fieldHash(fields: (string | null | undefined)[]): Promise<string> {
  const parts: Uint8Array[] = [];
  for (const f of fields) {
    if (f === null || f === undefined) {
      parts.push(utf8.encode('-1:'));
    } else {
      const bytes = utf8.encode(f);
      parts.push(utf8.encode(`${bytes.length}:`), bytes);
    }
  }
  return hex(await sha256(...parts));
}

/** The leaf text of an audit record (engine AuditLeaf.bytes()). */
export function leafText(r: LeafView['record'], format: string): string {
  return (
    `${format}\nsequence ${r.sequence}\nkind ${r.kind}\nsubject ${r.subjectId}\ncontent ${r.contentHash}` +
    `\nprevious ${r.previousHash}\nrecorded-at ${r.recordedAt}\nrecorded-by ${r.recordedBy}\nrecord ${r.recordHash}\n`
  );
}

/** RFC 9162 section 2.1.3.2: the root an inclusion proof gives for a leaf hash, or an error. */
export async function rootFromInclusionProof(leafIndex: number, treeSize: number, leafHash: Uint8Array, proof: Uint8Array[]): Promise<Uint8Array> {
  if (!(leafIndex >= 0 && leafIndex < treeSize)) throw new Error(`leaf index ${leafIndex} is outside a tree of ${treeSize} leaves`);
  const node = (left: Uint8Array, right: Uint8Array) => sha256(Uint8Array.of(1), left, right);
  // Sizes stay below 2^53: plain numbers, halved with Math.floor.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new Error('the proof is longer than the tree is deep');
    if (fn % 2 === 1 || fn === sn) {
      r = await node(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new Error('the proof is shorter than the tree is deep');
  return r;
}

/** A C2SP tlog-checkpoint as a signed note: body `<origin>\n<size>\n<base64 root>\n`, blank line, signature lines. */
export function parseCheckpoint(note: string): Checkpoint {
  const split = note.indexOf('\n\n');
  if (split < 0) throw new Error('the checkpoint has no blank line between its text and its signatures');
  const body = note.slice(0, split + 1);
  const lines = body.split('\n');
  if (lines.length < 4) throw new Error('the checkpoint text has fewer than three lines');
  const [origin, sizeText, rootText] = lines;
  if (!/^\d+$/.test(sizeText)) throw new Error(`the checkpoint's size "${sizeText}" is not a number`);
  const signatures = note
    .slice(split + 2)
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      const m = /^\u2014 (\S+) (\S+)$/.exec(l);
      if (!m) throw new Error(`not a signature line: "${l}"`);
      const raw = fromBase64(m[2]);
      if (raw.length < 5) throw new Error(`signature of ${m[1]} is too short`);
      return { name: m[1], keyId: raw.slice(0, 4), signature: raw.slice(4) };
    });
  return { origin, size: Number(sizeText), root: fromBase64(rootText), body, signatures };
}

/** A signed-note verifier key `<name>+<hex key id>+<base64(0x01 || Ed25519 public key)>`. */
export function parseVerifierKey(text: string): VerifierKey {
  // Split at the first two '+' only, as engine NoteKeys does: a name has none and a key id is hex,
  // but the key's base64 may hold '+' itself (about half of all keys do).
  const line = text.trim();
  const first = line.indexOf('+');
  const second = first < 0 ? -1 : line.indexOf('+', first + 1);
  if (first <= 0 || second < 0) throw new Error('the verifier key is not <name>+<key id>+<key>');
  const name = line.slice(0, first);
  const idText = line.slice(first + 1, second);
  const keyText = line.slice(second + 1);
  if (!/^[0-9a-f]{8}$/.test(idText)) throw new Error(`the verifier key's id "${idText}" is not 8 hex digits`);
  const raw = fromBase64(keyText);
  if (raw.length !== 33 || raw[0] !== 1) throw new Error('the verifier key is not an Ed25519 key (algorithm byte 0x01 and 32 bytes)');
  const keyId = Uint8Array.from(idText.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
  return { name, keyId, publicKey: raw.slice(1) };
}

/** The key id a verifier key must have: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || key). */
export async function expectedKeyId(key: VerifierKey): Promise<Uint8Array> {
  return (await sha256(utf8.encode(`${key.name}\n`), Uint8Array.of(1), key.publicKey)).slice(0, 4);
}

/** Whether the checkpoint carries a valid Ed25519 signature by this key (Web Crypto). */
export async function signedBy(checkpoint: Checkpoint, key: VerifierKey): Promise<boolean> {
  const subtle = cryptoSubtle();
  const publicKey = await subtle.importKey('raw', new Uint8Array(key.publicKey), { name: 'Ed25519' }, false, ['verify']);
  for (const s of checkpoint.signatures) {
    if (s.name === key.name && equal(s.keyId, key.keyId)) {
      if (await subtle.verify({ name: 'Ed25519' }, publicKey, new Uint8Array(s.signature), utf8.encode(checkpoint.body))) return true;
    }
  }
  return false;
}

/**
 * Every check of one decision's inclusion, in order; a failed check is reported and the walk goes
 * on where the next check does not depend on it.
 */
export async function verifyDecision(
  decisionId: string,
  leaf: LeafView,
  proof: InclusionProofView,
  checkpointNote: string,
  keyText: string,
): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const key = parseVerifierKey(keyText);
  const keyIdOk = equal(key.keyId, await expectedKeyId(key));
  add('Verifier key', keyIdOk, `${key.name}+${hex(key.keyId)}: ${keyIdOk ? 'its key id matches its key' : 'its key id does not match its key'}`);

  const checkpoint = parseCheckpoint(checkpointNote);
  const signed = keyIdOk && (await signedBy(checkpoint, key));
  add('Checkpoint signature', signed, `${checkpoint.origin}, tree of ${checkpoint.size} leaves: ${signed ? 'Ed25519 signature valid' : 'no valid signature by this key'}`);

  const columns = DECISION_COLUMNS.map((c) => leaf.columns[c] ?? null);
  const content = await fieldHash(columns);
  add(
    'Stored columns',
    leaf.columns.id === decisionId && content === leaf.record.contentHash && leaf.record.subjectId === decisionId,
    `decision ${leaf.columns.id}: the ${DECISION_COLUMNS.length} stored columns hash to ${content}; the sealed content hash is ${leaf.record.contentHash}`,
  );

  const r = leaf.record;
  const recordHash = await fieldHash([String(r.sequence), r.kind, r.subjectId, r.contentHash, r.previousHash, r.recordedAt, r.recordedBy]);
  add('Audit record', recordHash === r.recordHash, `record ${r.sequence}: its fields hash to ${recordHash}; the record hash is ${r.recordHash}`);

  const text = leafText(r, leaf.format);
  const leafBytes = utf8.encode(text);
  const leafHash = await sha256(Uint8Array.of(0), leafBytes);
  const leafOk = equal(leafBytes, fromBase64(leaf.leaf)) && hex(leafHash) === leaf.leafHash && r.sequence - 1 === leaf.leafIndex;
  add('Leaf', leafOk, `leaf ${leaf.leafIndex} (record ${r.sequence}): SHA-256(0x00 || leaf) = ${hex(leafHash)}`);

  let root: Uint8Array | null = null;
  let proofProblem = '';
  try {
    if (proof.leafIndex !== leaf.leafIndex) throw new Error(`the proof is for leaf ${proof.leafIndex}, not ${leaf.leafIndex}`);
    if (proof.treeSize !== checkpoint.size) throw new Error(`the proof is for a tree of ${proof.treeSize} leaves, the checkpoint's has ${checkpoint.size}`);
    root = await rootFromInclusionProof(proof.leafIndex, proof.treeSize, leafHash, proof.hashes.map(fromBase64));
  } catch (e) {
    proofProblem = e instanceof Error ? e.message : String(e);
  }
  const included = root !== null && equal(root, checkpoint.root);
  add(
    'Inclusion proof',
    included,
    root === null
      ? proofProblem
      : `${proof.hashes.length} hashes fold to root ${hex(root)}; the checkpoint's root is ${hex(checkpoint.root)}`,
  );
  return checks;
}
