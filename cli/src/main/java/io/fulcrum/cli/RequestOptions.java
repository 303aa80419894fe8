package io.fulcrum.cli;

import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --policy ID[@VERSION] --request FILE}: one account under one policy (decide, what-if). */
public final class RequestOptions {

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "ID[@VERSION]",
      description = "Policy id, optionally pinned to a version (default: latest).")
  private String policy;

  @Option(
      names = "--request",
      required = true,
      paramLabel = "FILE",
      description = "Request JSON: {account, market}; '-' reads standard input.")
  private Path request;

  PolicyRef policy() {
    return PolicyRef.parse(policy);
  }

  /** The request, read with field-path errors ({@link RequestReader}). */
  MarginRequest request() throws IOException {
    String json =
        request.toString().equals("-")
            ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
            : Files.readString(request);
    return RequestReader.read(json);
  }
}
