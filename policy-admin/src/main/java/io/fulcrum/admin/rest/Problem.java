package io.fulcrum.admin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem-details body. {@code field} names the offending request field as a JSON path;
 * {@code errorId} ties a server error to its log line; {@code problems} lists several.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String field,
    String errorId,
    List<String> problems) {}
