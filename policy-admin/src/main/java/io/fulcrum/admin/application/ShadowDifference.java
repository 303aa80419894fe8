package io.fulcrum.admin.application;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A live decision whose shadow evaluation under the candidate version differed ({@link
 * ShadowEvaluation}), with both versions' status and initial and maintenance margin.
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
