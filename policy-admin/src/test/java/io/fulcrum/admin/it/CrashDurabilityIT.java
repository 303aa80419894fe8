package io.fulcrum.admin.it;

import java.util.Map;

/**
 * kill -9 under load on the embedded default database: the store {@code fulcrum-service} creates in
 * its data directory when no {@code FULCRUM_DB_URL} is set.
 */
class CrashDurabilityIT extends CrashDurabilityContract {

  @Override
  String database() {
    return "embedded";
  }

  @Override
  Map<String, String> environment() {
    return Map.of();
  }
}
