-- Market data in the service and continuous monitoring (issue #19).
-- A data set is a chain of versions (seq 1, 2, ...): seq 1 is its first import, each later version
-- appends days or corrects them. Observations are never updated: a correction is a new row with the
-- new version's seq, and version N of a set is, per (asset, day), the row with the largest seq <= N.
-- Days and instants are ISO-8601 text (yyyy-mm-dd, and instants in UTC), so they sort as text and
-- read the same on every database and JVM time zone. Names avoid SQL reserved words.

create table market_data_set (
  set_name varchar(100) not null,
  assets varchar(400) not null,
  max_gap_days integer not null,
  latest_seq integer not null,
  created_at varchar(40) not null,
  primary key (set_name)
);

create table market_data_version (
  set_name varchar(100) not null,
  seq integer not null,
  set_version varchar(40) not null,
  content_hash varchar(64) not null,
  change_kind varchar(20) not null,
  first_day varchar(10) not null,
  last_day varchar(10) not null,
  observations integer not null,
  change_note varchar(2000) not null,
  created_by varchar(100) not null,
  created_at varchar(40) not null,
  primary key (set_name, seq),
  unique (set_name, set_version)
);

create table market_data_observation (
  set_name varchar(100) not null,
  asset varchar(40) not null,
  obs_day varchar(10) not null,
  seq integer not null,
  close_price double precision not null,
  primary key (set_name, asset, obs_day, seq)
);

-- One row per monitored policy: a member computes a policy's days only while it holds this row's
-- write lock (an UPDATE in its transaction), so in a cluster exactly one member computes a day.
create table monitoring_lock (
  policy_id varchar(100) not null,
  claimed_by varchar(200),
  claimed_at varchar(40),
  primary key (policy_id)
);

-- The day's backtest of one policy version on its monitoring portfolio; unique per day.
create table monitoring_result (
  policy_id varchar(100) not null,
  policy_version varchar(40) not null,
  margin_day varchar(10) not null,
  set_name varchar(100) not null,
  set_version varchar(40) not null,
  content_hash varchar(64) not null,
  margin double precision not null,
  loss double precision not null,
  portfolio_value double precision not null,
  gross_exposure double precision not null,
  normalised_pnl double precision not null,
  breach boolean not null,
  window_days integer not null,
  window_breaches integer not null,
  confidence double precision not null,
  traffic_zone varchar(10) not null,
  cumulative_probability double precision not null,
  kupiec_statistic double precision not null,
  kupiec_p double precision not null,
  independence_statistic double precision not null,
  independence_p double precision not null,
  conditional_statistic double precision not null,
  conditional_p double precision not null,
  peak_to_trough double precision,
  largest_increase double precision not null,
  largest_window_increase double precision not null,
  backfill boolean not null,
  computed_by varchar(200) not null,
  computed_at varchar(40) not null,
  primary key (policy_id, policy_version, margin_day)
);

-- A breach or a zone change: written with the result that raised it (so once per change), then
-- delivered to the webhook (delivered_at) and, for a zone change, answered with a recalibration
-- proposal (proposal), each by the one member that holds the row's write lock.
create table monitoring_alert (
  alert_id varchar(200) not null,
  policy_id varchar(100) not null,
  policy_version varchar(40) not null,
  margin_day varchar(10) not null,
  alert_kind varchar(20) not null,
  from_zone varchar(10),
  to_zone varchar(10) not null,
  detail varchar(4000) not null,
  created_at varchar(40) not null,
  delivered_at varchar(40),
  attempts integer not null,
  last_error varchar(1000),
  proposal varchar(200),
  proposal_done boolean not null,
  primary key (alert_id)
);
