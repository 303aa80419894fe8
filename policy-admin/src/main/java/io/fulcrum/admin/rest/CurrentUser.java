package io.fulcrum.admin.rest;

import java.util.List;

/**
 * The signed-in user and the service roles they hold (sorted), as the web console shows them.
 *
 * @param user the user name
 * @param roles among {@code approver}, {@code auditor}, {@code author}, {@code decider}
 */
public record CurrentUser(String user, List<String> roles) {
  public CurrentUser {
    roles = List.copyOf(roles);
  }
}
