-- Baseline: the schema Hibernate 6.6 created (hibernate.hbm2ddl.auto=update) on
-- H2 (in memory: the Arquillian tests and fulcrum-service --in-memory; Payara's bundled H2 2.2.224) before Flyway owned it,
-- with the same names, types, primary keys, unique constraints and indexes, columns in the order
-- hbm2ddl wrote them (identifier first, then alphabetical). An existing database without Flyway's
-- history table is taken to be at this version (baselineOnMigrate, SchemaMigration).

create table audit_chain_head (
  id integer not null,
  last_hash varchar(64) not null,
  last_sequence bigint not null,
  primary key (id)
);

create table audit_record (
  sequence bigint not null,
  content_hash varchar(64) not null,
  kind varchar(30) not null,
  previous_hash varchar(64) not null,
  record_hash varchar(64) not null,
  recorded_at timestamp(6) with time zone not null,
  recorded_by varchar(100) not null,
  subject_id varchar(100) not null,
  primary key (sequence)
);

create table margin_decision (
  id varchar(36) not null,
  account_id varchar(200) not null,
  as_of timestamp(6) with time zone not null,
  created_at timestamp(6) with time zone not null,
  created_by varchar(100) not null,
  decision_hash varchar(64) not null,
  decision_json clob not null,
  idempotency_key varchar(200),
  policy_hash varchar(64) not null,
  policy_id varchar(100) not null,
  policy_version varchar(50) not null,
  request_hash varchar(64) not null,
  request_json clob not null,
  sequence bigint not null,
  status varchar(20) not null,
  primary key (id),
  constraint ux_decision_sequence unique (sequence),
  constraint ux_decision_idempotency unique (idempotency_key)
);

create table policy_content (
  bundle_hash varchar(64) not null,
  zip blob not null,
  primary key (bundle_hash)
);

create table policy_event (
  id varchar(36) not null,
  action varchar(20) not null,
  actor varchar(100) not null,
  recorded_at timestamp(6) with time zone not null,
  bundle_hash varchar(64) not null,
  detail varchar(2000),
  effective_at timestamp(6) with time zone,
  policy_id varchar(100) not null,
  reason varchar(4000),
  sequence bigint not null,
  version varchar(50) not null,
  primary key (id),
  constraint ux_policy_event_sequence unique (sequence)
);

create table policy_version (
  ref varchar(160) not null,
  author varchar(100) not null,
  bundle_hash varchar(64) not null,
  policy_id varchar(100) not null,
  report_json clob not null,
  review_comment varchar(2000),
  reviewed_at timestamp(6) with time zone,
  reviewed_by varchar(100),
  state varchar(20) not null,
  uploaded_at timestamp(6) with time zone not null,
  version varchar(50) not null,
  primary key (ref)
);

create table shadow_difference (
  decision_id varchar(36) not null,
  account_id varchar(200) not null,
  active_im numeric(38,8),
  active_mm numeric(38,8),
  active_ref varchar(160) not null,
  active_status varchar(20) not null,
  candidate_im numeric(38,8),
  candidate_mm numeric(38,8),
  candidate_ref varchar(160) not null,
  candidate_status varchar(20) not null,
  recorded_at timestamp(6) with time zone not null,
  primary key (decision_id)
);

create index ix_decision_account on margin_decision (account_id, created_at);
create index ix_decision_created on margin_decision (created_at);
create index ix_policy_event_ref on policy_event (policy_id, version);
create index ix_shadow_recorded on shadow_difference (recorded_at);
