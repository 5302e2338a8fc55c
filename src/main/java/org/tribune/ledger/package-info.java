/**
 * The response ledger: every public event of the Q&amp;A sessions as a leaf of an append-only,
 * tamper-evident log that anyone can check without trusting Tribune.
 *
 * <p>Why it is shaped this way:
 *
 * <ul>
 *   <li>The verifiable parts are public standards, so independent tools can check them: leaves are
 *       RFC 8785 canonical JSON ({@code control.CanonicalJson}), the tree and its proofs are RFC
 *       9162 ({@code control.MerkleTree}), and tree heads are C2SP tlog-checkpoint notes signed
 *       with Ed25519 ({@code control.Checkpoint}, {@code control.NoteSigner}, {@code
 *       control.NoteVerifier}). Each is tested against published vectors, not only against itself.
 *   <li>The algorithms are plain Java in {@code control}, with no container, database or HTTP, so
 *       the same code that serves proofs also verifies them in tests, and a persistence layer can
 *       be added without touching them.
 *   <li>The tree reads hashes through two small interfaces ({@code LeafHashes}, {@code
 *       SubtreeHashes}) rather than holding leaves: the log will live in a table of leaf hashes and
 *       a table of complete-subtree hashes (written once, never changed), and a root or proof then
 *       costs O(log n) reads at any log size.
 *   <li>The verifiers and the note reader are strict and say why they reject: a ledger that accepts
 *       a malformed proof or note would be tamper-evident in name only.
 * </ul>
 */
package org.tribune.ledger;
