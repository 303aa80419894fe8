package io.fulcrum.admin.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The log of the Payara Micro started by Arquillian: arquillian.xml gives it {@code --logtofile
 * target/payara-it-logs/server.log} (Payara adds a rotation suffix), besides the console.
 */
final class ServerLog {

  static final Path DIR = Path.of(System.getProperty("fulcrum.it.logs", "target/payara-it-logs"));

  private ServerLog() {}

  /** Makes the directory: Payara's file handler does not. */
  static void prepare() {
    try {
      Files.createDirectories(DIR);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All log files' text once {@code expected} is in it (the file is written asynchronously). */
  static String waitFor(String expected) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    String text = read();
    while (!text.contains(expected) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      text = read();
    }
    if (!text.contains(expected)) {
      throw new AssertionError("'" + expected + "' never reached the server log in " + DIR);
    }
    return text;
  }

  private static String read() {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(p -> !p.toString().endsWith(".lck")).sorted().toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toString();
  }
}
