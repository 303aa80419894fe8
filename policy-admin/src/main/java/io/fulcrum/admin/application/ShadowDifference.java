package io.fulcrum.admin.application;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A live decision whose shadow evaluation under the candidate version differed in status, or in
 * initial or maintenance margin by more than the tolerance.
 */
public record ShadowDifference(
    String decisionId,
    Instant recordedAt,
    String accountId,
    String activeRef,
    String candidateRef,
    String activeStatus,
    String candidateStatus,
    BigDecimal activeInitialMargin,
    BigDecimal candidateInitialMargin,
    BigDecimal activeMaintenanceMargin,
    BigDecimal candidateMaintenanceMargin) {}
