package io.fulcrum.engine.policy;

/**
 * One thing wrong with a bundle, located as precisely as the tooling allows.
 *
 * @param file path inside the bundle
 * @param line 1-based line, or 0 when unknown (DMN problems name the element instead)
 * @param message what is wrong, as the compiler said it
 */
public record CompilationProblem(String file, int line, String message) {

  /** The 1-based line of the character at {@code offset} in {@code text}. */
  static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
