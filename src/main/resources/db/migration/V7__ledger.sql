-- The response ledger (org.tribune.ledger): an append-only RFC 9162 log of public events.
-- Rows here are written once and never updated or deleted, except the one head row.

-- The head: one row whose size is the number of leaves. Every append first runs
-- UPDATE ledger_head SET size = size + 1 in the caller's transaction, so the row lock orders
-- all appenders (threads and instances alike) and a rolled-back append gives its index back.
-- verifier_key is the C2SP verifier key of the log's signing key, recorded by the first instance
-- that starts, so an instance started with a different key refuses to sign.
CREATE TABLE ledger_head (
    id INTEGER NOT NULL PRIMARY KEY,
    size BIGINT NOT NULL,
    verifier_key VARCHAR(300),
    CONSTRAINT ck_ledger_head_one CHECK (id = 1),
    CONSTRAINT ck_ledger_head_size CHECK (size >= 0)
);
INSERT INTO ledger_head (id, size) VALUES (1, 0);

-- One leaf per event. leaf is base64 of the exact leaf bytes (RFC 8785 canonical JSON, UTF-8),
-- so no database character set can change them; leaf_hash is the hex RFC 9162 leaf hash.
-- entry_type, department, state and search_text are copies taken from the entry for browsing.
CREATE TABLE ledger_leaf (
    idx BIGINT NOT NULL PRIMARY KEY,
    leaf VARCHAR(32672) NOT NULL,
    leaf_hash CHAR(64) NOT NULL,
    entry_type VARCHAR(64) NOT NULL,
    department VARCHAR(200),
    state VARCHAR(100),
    search_text VARCHAR(2000) NOT NULL,
    appended_at TIMESTAMP NOT NULL
);
CREATE INDEX ix_ledger_leaf_type ON ledger_leaf (entry_type, idx);
CREATE INDEX ix_ledger_leaf_department ON ledger_leaf (department, idx);
CREATE INDEX ix_ledger_leaf_state ON ledger_leaf (state, idx);

-- Hashes of complete subtrees: the subtree of 2^height leaves starting at leaf idx * 2^height.
-- Written in the same transaction as the leaf that completes it, so a root or a proof costs
-- O(log n) reads at any size.
CREATE TABLE ledger_subtree (
    height INTEGER NOT NULL,
    idx BIGINT NOT NULL,
    hash CHAR(64) NOT NULL,
    PRIMARY KEY (height, idx)
);
