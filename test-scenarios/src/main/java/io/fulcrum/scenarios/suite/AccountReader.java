package io.fulcrum.scenarios.suite;

import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.yaml.YamlNode;

/** Binds an account entry (the request JSON's account fields, plus an optional {@code note}). */
final class AccountReader {

  private AccountReader() {}

  static Account read(YamlNode node) {
    node.get("id");
    return node.without("note").as(Account.class);
  }
}
