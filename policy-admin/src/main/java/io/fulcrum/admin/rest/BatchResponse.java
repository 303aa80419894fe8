package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.BatchItem;
import java.util.List;

/**
 * The outcome of a batch: how many items were stored and failed, and each item in request order.
 * Fields in alphabetical order, as the map this replaced was written.
 */
public record BatchResponse(long failed, List<BatchItem> items, long stored) {

  static BatchResponse of(List<BatchItem> items) {
    long stored = items.stream().filter(BatchItem::stored).count();
    return new BatchResponse(items.size() - stored, items, stored);
  }
}
