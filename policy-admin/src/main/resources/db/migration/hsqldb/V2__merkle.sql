-- The decision log as an RFC 9162 Merkle tree (issue #16): every audit record, in chain order, is
-- a leaf. merkle_node holds the hash of every complete subtree (node_key = node_index * 64 +
-- node_level), written with the records that complete it; merkle_tree is the single row with the
-- tree's size and right edge (hex, lowest level first); audit_checkpoint holds the signed
-- checkpoints (C2SP tlog-checkpoint signed notes), one per tree size.
-- An existing chain is added to the tree at the next start (JpaMerkleLog.catchUp).
-- HSQLDB: every name quoted in upper case (HsqldbNamingStrategy).

create table "MERKLE_NODE" (
  "NODE_KEY" bigint not null,
  "HASH" varchar(64) not null,
  "NODE_INDEX" bigint not null,
  "NODE_LEVEL" integer not null,
  primary key ("NODE_KEY")
);

create table "MERKLE_TREE" (
  "ID" integer not null,
  "FRONTIER" varchar(4032) not null,
  "TREE_SIZE" bigint not null,
  primary key ("ID")
);

create table "AUDIT_CHECKPOINT" (
  "TREE_SIZE" bigint not null,
  "ROOT_HASH" varchar(64) not null,
  "SIGNED_AT" timestamp(6) not null,
  "SIGNED_NOTE" varchar(2000) not null,
  primary key ("TREE_SIZE")
);
