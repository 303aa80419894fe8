-- Baseline: the schema Hibernate 6.6 created (hibernate.hbm2ddl.auto=update) on
-- HSQLDB (the embedded default store of fulcrum-service) before Flyway owned it,
-- with the same names, types, primary keys, unique constraints and indexes, columns in the order
-- hbm2ddl wrote them (identifier first, then alphabetical). An existing database without Flyway's
-- history table is taken to be at this version (baselineOnMigrate, SchemaMigration).
-- HSQLDB: every name quoted in upper case (HsqldbNamingStrategy), the name HSQLDB gives an
-- unquoted one, so that a reserved word can be a column name.

create table "AUDIT_CHAIN_HEAD" (
  "ID" integer not null,
  "LAST_HASH" varchar(64) not null,
  "LAST_SEQUENCE" bigint not null,
  primary key ("ID")
);

create table "AUDIT_RECORD" (
  "SEQUENCE" bigint not null,
  "CONTENT_HASH" varchar(64) not null,
  "KIND" varchar(30) not null,
  "PREVIOUS_HASH" varchar(64) not null,
  "RECORD_HASH" varchar(64) not null,
  "RECORDED_AT" timestamp(6) not null,
  "RECORDED_BY" varchar(100) not null,
  "SUBJECT_ID" varchar(100) not null,
  primary key ("SEQUENCE")
);

create table "MARGIN_DECISION" (
  "ID" varchar(36) not null,
  "ACCOUNT_ID" varchar(200) not null,
  "AS_OF" timestamp(6) not null,
  "CREATED_AT" timestamp(6) not null,
  "CREATED_BY" varchar(100) not null,
  "DECISION_HASH" varchar(64) not null,
  "DECISION_JSON" clob not null,
  "IDEMPOTENCY_KEY" varchar(200),
  "POLICY_HASH" varchar(64) not null,
  "POLICY_ID" varchar(100) not null,
  "POLICY_VERSION" varchar(50) not null,
  "REQUEST_HASH" varchar(64) not null,
  "REQUEST_JSON" clob not null,
  "SEQUENCE" bigint not null,
  "STATUS" varchar(20) not null,
  primary key ("ID"),
  constraint ux_decision_sequence unique ("SEQUENCE"),
  constraint ux_decision_idempotency unique ("IDEMPOTENCY_KEY")
);

create table "POLICY_CONTENT" (
  "BUNDLE_HASH" varchar(64) not null,
  "ZIP" blob not null,
  primary key ("BUNDLE_HASH")
);

create table "POLICY_EVENT" (
  "ID" varchar(36) not null,
  "ACTION" varchar(20) not null,
  "ACTOR" varchar(100) not null,
  "RECORDED_AT" timestamp(6) not null,
  "BUNDLE_HASH" varchar(64) not null,
  "DETAIL" varchar(2000),
  "EFFECTIVE_AT" timestamp(6),
  "POLICY_ID" varchar(100) not null,
  "REASON" varchar(4000),
  "SEQUENCE" bigint not null,
  "VERSION" varchar(50) not null,
  primary key ("ID"),
  constraint ux_policy_event_sequence unique ("SEQUENCE")
);

create table "POLICY_VERSION" (
  "REF" varchar(160) not null,
  "AUTHOR" varchar(100) not null,
  "BUNDLE_HASH" varchar(64) not null,
  "POLICY_ID" varchar(100) not null,
  "REPORT_JSON" clob not null,
  "REVIEW_COMMENT" varchar(2000),
  "REVIEWED_AT" timestamp(6),
  "REVIEWED_BY" varchar(100),
  "STATE" varchar(20) not null,
  "UPLOADED_AT" timestamp(6) not null,
  "VERSION" varchar(50) not null,
  primary key ("REF")
);

create table "SHADOW_DIFFERENCE" (
  "DECISION_ID" varchar(36) not null,
  "ACCOUNT_ID" varchar(200) not null,
  "ACTIVE_IM" numeric(38,8),
  "ACTIVE_MM" numeric(38,8),
  "ACTIVE_REF" varchar(160) not null,
  "ACTIVE_STATUS" varchar(20) not null,
  "CANDIDATE_IM" numeric(38,8),
  "CANDIDATE_MM" numeric(38,8),
  "CANDIDATE_REF" varchar(160) not null,
  "CANDIDATE_STATUS" varchar(20) not null,
  "RECORDED_AT" timestamp(6) not null,
  primary key ("DECISION_ID")
);

create index ix_decision_account on "MARGIN_DECISION" ("ACCOUNT_ID", "CREATED_AT");
create index ix_decision_created on "MARGIN_DECISION" ("CREATED_AT");
create index ix_policy_event_ref on "POLICY_EVENT" ("POLICY_ID", "VERSION");
create index ix_shadow_recorded on "SHADOW_DIFFERENCE" ("RECORDED_AT");
