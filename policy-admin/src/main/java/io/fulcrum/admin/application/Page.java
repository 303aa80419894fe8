package io.fulcrum.admin.application;

import java.util.List;

/** One page of results and the total count matching the query. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public Page {
    items = List.copyOf(items);
  }
}
