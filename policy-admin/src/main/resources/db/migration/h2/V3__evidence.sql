-- Evidence before approval (issue #17): one row per evidence job run on a policy version
-- (regression, impact over a book or over stored decisions, coverage backtest). The row keeps the
-- version it ran on (bundle hash; the baseline's ref and hash for a comparison), the hashes of the
-- data it read (suite, book, stress, portfolio files, decision ids, market data set), its state
-- and progress, who asked and when, and the result as JSON (plus the JUnit XML of a regression).

create table evidence_job (
  baseline_hash varchar(64),
  baseline_ref varchar(160),
  bundle_hash varchar(64) not null,
  cancel_requested boolean not null,
  data_hashes_json clob,
  finished_at timestamp(6) with time zone,
  id varchar(36) not null,
  kind varchar(30) not null,
  outcome varchar(20),
  parameters_json varchar(2000) not null,
  policy_id varchar(100) not null,
  policy_version varchar(50) not null,
  progress_done bigint not null,
  progress_total bigint not null,
  report_text clob,
  requested_at timestamp(6) with time zone not null,
  requested_by varchar(100) not null,
  result_json clob,
  started_at timestamp(6) with time zone,
  state varchar(20) not null,
  summary varchar(2000),
  primary key (id)
);

create index ix_evidence_version on evidence_job (policy_id, policy_version, requested_at);
