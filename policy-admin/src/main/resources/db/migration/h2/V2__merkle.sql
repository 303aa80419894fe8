-- The decision log as an RFC 9162 Merkle tree (issue #16): every audit record, in chain order, is
-- a leaf. merkle_node holds the hash of every complete subtree (node_key = node_index * 64 +
-- node_level), written with the records that complete it; merkle_tree is the single row with the
-- tree's size and right edge (hex, lowest level first); audit_checkpoint holds the signed
-- checkpoints (C2SP tlog-checkpoint signed notes), one per tree size.
-- An existing chain is added to the tree at the next start (JpaMerkleLog.catchUp).

create table merkle_node (
  node_key bigint not null,
  hash varchar(64) not null,
  node_index bigint not null,
  node_level integer not null,
  primary key (node_key)
);

create table merkle_tree (
  id integer not null,
  frontier varchar(4032) not null,
  tree_size bigint not null,
  primary key (id)
);

create table audit_checkpoint (
  tree_size bigint not null,
  root_hash varchar(64) not null,
  signed_at timestamp(6) with time zone not null,
  signed_note varchar(2000) not null,
  primary key (tree_size)
);
