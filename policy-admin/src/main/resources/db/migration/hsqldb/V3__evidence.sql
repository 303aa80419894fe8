-- Evidence before approval (issue #17): one row per evidence job run on a policy version
-- (regression, impact over a book or over stored decisions, coverage backtest). The row keeps the
-- version it ran on (bundle hash; the baseline's ref and hash for a comparison), the hashes of the
-- data it read (suite, book, stress, portfolio files, decision ids, market data set), its state
-- and progress, who asked and when, and the result as JSON (plus the JUnit XML of a regression).

create table "EVIDENCE_JOB" (
  "BASELINE_HASH" varchar(64),
  "BASELINE_REF" varchar(160),
  "BUNDLE_HASH" varchar(64) not null,
  "CANCEL_REQUESTED" boolean not null,
  "DATA_HASHES_JSON" clob,
  "FINISHED_AT" timestamp(6),
  "ID" varchar(36) not null,
  "KIND" varchar(30) not null,
  "OUTCOME" varchar(20),
  "PARAMETERS_JSON" varchar(2000) not null,
  "POLICY_ID" varchar(100) not null,
  "POLICY_VERSION" varchar(50) not null,
  "PROGRESS_DONE" bigint not null,
  "PROGRESS_TOTAL" bigint not null,
  "REPORT_TEXT" clob,
  "REQUESTED_AT" timestamp(6) not null,
  "REQUESTED_BY" varchar(100) not null,
  "RESULT_JSON" clob,
  "STARTED_AT" timestamp(6),
  "STATE" varchar(20) not null,
  "SUMMARY" varchar(2000),
  primary key ("ID")
);

create index ix_evidence_version on "EVIDENCE_JOB" ("POLICY_ID", "POLICY_VERSION", "REQUESTED_AT");
