package io.fulcrum.engine.policy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The compile-time wall for DMN: no Java is reachable from a model. Refuses, with the line of the
 * element: functions of any kind but FEEL ({@code kind="Java"}, {@code "PMML"}), FEEL {@code
 * external} function definitions (a {@code java} context naming a class and method), and {@code
 * <import>} of other models or PMML files (they are loaded from outside the bundle). FEEL's
 * built-in functions are pure (kie-dmn-feel implements them without reflection), so with external
 * functions gone nothing else in FEEL reaches Java. A FEEL evaluation that runs long is stopped by
 * the decision's time budget, not here.
 */
final class DmnSandbox {

  /** {@code external} as a FEEL keyword: outside string literals, as a whole word. */
  private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");

  private DmnSandbox() {}

  static List<CompilationProblem> check(String file, byte[] xml) {
    List<CompilationProblem> problems = new ArrayList<>();
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newSAXParser().parse(new ByteArrayInputStream(xml), new Handler(file, problems));
    } catch (org.xml.sax.SAXParseException e) {
      problems.add(
          new CompilationProblem(file, e.getLineNumber(), "malformed XML: " + e.getMessage()));
    } catch (Exception e) {
      problems.add(new CompilationProblem(file, 0, "unreadable XML: " + e.getMessage()));
    }
    return problems;
  }

  private static final class Handler extends DefaultHandler {
    private final String file;
    private final List<CompilationProblem> problems;
    private Locator locator;
    private StringBuilder text;
    private int textLine;

    Handler(String file, List<CompilationProblem> problems) {
      this.file = file;
      this.problems = problems;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes attributes) {
      int line = locator == null ? 0 : locator.getLineNumber();
      if (local.equals("import")) {
        problems.add(
            new CompilationProblem(
                file, line, "DMN <import> is not allowed in policies: a bundle is self-contained"));
      }
      String kind = attributes.getValue("kind");
      if ((local.equals("functionDefinition") || local.equals("encapsulatedLogic"))
          && kind != null
          && !kind.equalsIgnoreCase("FEEL")
          && !kind.equalsIgnoreCase("F")) {
        problems.add(
            new CompilationProblem(
                file,
                line,
                "DMN function of kind "
                    + kind
                    + " is not allowed in policies: only FEEL functions (no Java, no PMML)"));
      }
      if (local.equals("text")) {
        text = new StringBuilder();
        textLine = line;
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (text != null) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      if (local.equals("text") && text != null) {
        String feel = withoutStrings(text.toString());
        var m = EXTERNAL.matcher(feel.toLowerCase(Locale.ROOT));
        if (m.find()) {
          int line =
              textLine + (int) feel.substring(0, m.start()).chars().filter(c -> c == '\n').count();
          problems.add(
              new CompilationProblem(
                  file,
                  line,
                  "FEEL external function (Java) is not allowed in policies: "
                      + text.toString().strip().lines().findFirst().orElse("")));
        }
        text = null;
      }
    }
  }

  /** Blanks the content of string literals, keeping every character's position. */
  private static String withoutStrings(String feel) {
    StringBuilder out = new StringBuilder(feel);
    boolean inString = false;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (c == '"' && (i == 0 || feel.charAt(i - 1) != '\\')) {
        inString = !inString;
      } else if (inString && c != '\n') {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }
}
