package io.fulcrum.engine.calibration;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits a manifest's YAML text in place: every byte outside the edited values stays as written
 * (comments, order, quoting, blank lines, the regulatory citations). The positions come from the
 * SnakeYAML node tree (the parser under Jackson's YAML module); the edits replace exactly the
 * characters of a value's scalar, or insert a new line beside its siblings. Not thread-safe: one
 * instance per manifest.
 */
final class ManifestText {

  private final String text;
  private final MappingNode root;
  private final List<Edit> edits = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private record Edit(int start, int end, String replacement) {}

  ManifestText(String text) {
    this.text = text;
    Node node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    if (!(node instanceof MappingNode m)) {
      throw new IllegalArgumentException("the manifest is not a YAML mapping");
    }
    this.root = m;
  }

  /** What the edits found worth a reviewer's eye (stale comments, description values). */
  List<String> notes() {
    return notes;
  }

  /** Sets {@code path} ({@code <parameter>} or {@code measures.<name>.<setting>}). */
  void set(String path, String value) {
    if (ManifestEdit.isMeasurePath(path)) {
      String rest = path.substring("measures.".length());
      int dot = rest.indexOf('.');
      setSetting(path, rest.substring(0, dot), rest.substring(dot + 1), value);
      return;
    }
    MappingNode params = mapping(root, "parameters").orElseThrow(() -> unknown(path));
    ScalarNode old = scalar(params, path).orElseThrow(() -> unknown(path));
    replace(old, literal(old, value));
    describeChange(path, path, old.getValue(), value);
    flagComments(old, path, value);
  }

  private void setSetting(String path, String measure, String setting, String value) {
    SequenceNode measures =
        child(root, "measures")
            .filter(SequenceNode.class::isInstance)
            .map(SequenceNode.class::cast)
            .orElseThrow(() -> unknown(path));
    for (Node item : measures.getValue()) {
      if (item instanceof MappingNode m
          && scalar(m, "name").map(ScalarNode::getValue).orElse("").equals(measure)) {
        Optional<MappingNode> settings = mapping(m, "settings");
        if (settings.isEmpty()) {
          insertAfter(m, key(m) + "settings:\n" + key(m) + "  " + setting + ": " + literal(value));
          notes.add(path + " was the measure's default; now set to " + value);
          return;
        }
        Optional<ScalarNode> old = scalar(settings.get(), setting);
        if (old.isPresent()) {
          replace(old.get(), literal(old.get(), value));
          describeChange(path, setting, old.get().getValue(), value);
          flagComments(old.get(), path, value);
        } else {
          insertAfter(settings.get(), key(settings.get()) + setting + ": " + literal(value));
          notes.add(path + " was the measure's default; now set to " + value);
        }
        return;
      }
    }
    throw unknown(path);
  }

  /** Replaces the {@code version} value. */
  void version(String next) {
    ScalarNode v = scalar(root, "version").orElseThrow(() -> unknown("version"));
    replace(v, "\"" + next + "\"");
  }

  /** Puts {@code notice} at the start of the description (a new first line of a block scalar). */
  void prefixDescription(String notice) {
    Optional<ScalarNode> d = scalar(root, "description");
    if (d.isEmpty()) {
      int end = offset(root.getValue().get(0).getKeyNode().getStartMark().getIndex());
      edits.add(new Edit(end, end, "description: " + quoted(notice) + "\n"));
      return;
    }
    ScalarNode node = d.get();
    DumperOptions.ScalarStyle style = node.getScalarStyle();
    if (style == DumperOptions.ScalarStyle.FOLDED || style == DumperOptions.ScalarStyle.LITERAL) {
      int firstLine = text.indexOf('\n', offset(node.getStartMark().getIndex())) + 1;
      int indentEnd = firstLine;
      while (indentEnd < text.length() && text.charAt(indentEnd) == ' ') {
        indentEnd++;
      }
      String indent = text.substring(firstLine, indentEnd);
      edits.add(new Edit(firstLine, firstLine, indent + notice + "\n"));
    } else {
      replace(node, quoted(notice + " " + node.getValue()));
    }
  }

  /** Adds {@code file} to the {@code evidence:} list, creating the key at the end if absent. */
  void addEvidence(String file) {
    Optional<Node> list = child(root, "evidence");
    if (list.isPresent() && list.get() instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
      Node last = seq.getValue().get(seq.getValue().size() - 1);
      if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
        int end = offset(last.getEndMark().getIndex());
        edits.add(new Edit(end, end, ", " + file));
      } else {
        int lineStart = text.lastIndexOf('\n', offset(last.getStartMark().getIndex())) + 1;
        String prefix = text.substring(lineStart, offset(last.getStartMark().getIndex()));
        insertAfterLine(offset(last.getEndMark().getIndex()), prefix + file);
      }
      return;
    }
    if (list.isPresent()) {
      throw new IllegalArgumentException("the manifest's evidence: is not a list of files");
    }
    String sep = text.endsWith("\n") ? "" : "\n";
    edits.add(new Edit(text.length(), text.length(), sep + "evidence:\n  - " + file + "\n"));
  }

  /** The edited text. */
  String result() {
    StringBuilder b = new StringBuilder(text);
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).reversed());
    for (Edit e : sorted) {
      b.replace(e.start, e.end, e.replacement);
    }
    return b.toString();
  }

  // --- stated values --------------------------------------------------------------------------

  /**
   * Updates description text that states the old value right after the parameter's name (e.g.
   * {@code apcBufferRate (25%)}), in the form it was written (percent or decimal); flags any other
   * mention of the old value in the description and in the comment lines just above the value.
   */
  private void describeChange(String path, String name, String oldText, String newText) {
    BigDecimal oldValue;
    BigDecimal newValue;
    try {
      oldValue = new BigDecimal(oldText.trim());
      newValue = new BigDecimal(newText.trim());
    } catch (NumberFormatException e) {
      return;
    }
    if (oldValue.compareTo(newValue) == 0) {
      return;
    }
    List<String[]> forms =
        List.of(
            new String[] {percent(oldValue), percent(newValue)},
            new String[] {oldValue.toPlainString(), newValue.stripTrailingZeros().toPlainString()});
    scalar(root, "description")
        .ifPresent(
            d -> {
              int from = offset(d.getStartMark().getIndex());
              int to = offset(d.getEndMark().getIndex());
              String body = text.substring(from, to);
              for (String[] form : forms) {
                Matcher stated =
                    Pattern.compile(Pattern.quote(name) + "[\\s(=:]*(" + number(form[0]) + ")")
                        .matcher(body);
                while (stated.find()) {
                  edits.add(new Edit(from + stated.start(1), from + stated.end(1), form[1]));
                  notes.add("description: '" + oneLine(stated.group()) + "' updated to " + form[1]);
                }
              }
              for (String[] form : forms) {
                Matcher other = Pattern.compile(number(form[0])).matcher(body);
                while (other.find()) {
                  int at = from + other.start();
                  if (edits.stream().noneMatch(e -> e.start == at)) {
                    notes.add(
                        String.format(
                            Locale.ROOT,
                            "check the description: it states %s ('...%s...'), and %s was %s,"
                                + " now %s",
                            form[0],
                            oneLine(context(body, other.start())),
                            path,
                            oldText,
                            newText));
                  }
                }
              }
            });
  }

  /** Notes comments on or just above the value's line that state its old value (kept as is). */
  private void flagComments(ScalarNode old, String path, String newText) {
    BigDecimal oldValue;
    try {
      oldValue = new BigDecimal(old.getValue().trim());
      if (oldValue.compareTo(new BigDecimal(newText.trim())) == 0) {
        return;
      }
    } catch (NumberFormatException e) {
      return;
    }
    int at = offset(old.getStartMark().getIndex());
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    int lineEnd = text.indexOf('\n', at);
    List<String> comments = new ArrayList<>();
    String rest =
        text.substring(offset(old.getEndMark().getIndex()), lineEnd < 0 ? text.length() : lineEnd);
    if (rest.contains("#")) {
      comments.add(rest.substring(rest.indexOf('#')));
    }
    int end = lineStart - 1;
    while (end > 0) {
      int start = text.lastIndexOf('\n', end - 1) + 1;
      String line = text.substring(start, end).strip();
      if (!line.startsWith("#")) {
        break;
      }
      comments.add(line);
      end = start - 1;
    }
    Pattern stated =
        Pattern.compile(number(oldValue.toPlainString()) + "|" + number(percent(oldValue)));
    for (String c : comments) {
      if (stated.matcher(c).find()) {
        notes.add(
            "check the comment '"
                + c
                + "': it states the old value of "
                + path
                + " ("
                + old.getValue()
                + ", now "
                + newText
                + ")");
      }
    }
  }

  private static String context(String body, int at) {
    return body.substring(Math.max(0, at - 30), Math.min(body.length(), at + 15));
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  private static String number(String form) {
    return "(?<![\\d.])" + Pattern.quote(form) + "(?![\\d])";
  }

  private static String percent(BigDecimal v) {
    return v.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  // --- tree helpers ---------------------------------------------------------------------------

  private static Optional<Node> child(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return Optional.of(t.getValueNode());
      }
    }
    return Optional.empty();
  }

  private static Optional<MappingNode> mapping(MappingNode m, String key) {
    return child(m, key).filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
  }

  private static Optional<ScalarNode> scalar(MappingNode m, String key) {
    return child(m, key).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
  }

  /** The indentation (or "{" continuation) for a new key of {@code m}. */
  private String key(MappingNode m) {
    Node firstKey = m.getValue().get(0).getKeyNode();
    int col = firstKey.getStartMark().getColumn();
    return " ".repeat(col);
  }

  private void insertAfter(MappingNode m, String line) {
    if (m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      int end = offset(m.getEndMark().getIndex()) - 1; // before '}'
      edits.add(new Edit(end, end, ", " + line.strip()));
      return;
    }
    Node last = m.getValue().get(m.getValue().size() - 1).getValueNode();
    insertAfterLine(offset(last.getEndMark().getIndex()), line);
  }

  /**
   * Inserts {@code line} as a new line after the line holding {@code at} (or right at a line end).
   */
  private void insertAfterLine(int at, String line) {
    int probe = at > 0 && text.charAt(at - 1) == '\n' ? at - 1 : at;
    int eol = text.indexOf('\n', probe);
    if (eol < 0) {
      edits.add(new Edit(text.length(), text.length(), "\n" + line + "\n"));
    } else {
      edits.add(new Edit(eol + 1, eol + 1, line + "\n"));
    }
  }

  private void replace(ScalarNode node, String replacement) {
    edits.add(
        new Edit(
            offset(node.getStartMark().getIndex()),
            offset(node.getEndMark().getIndex()),
            replacement));
  }

  /** SnakeYAML counts code points; Java strings count UTF-16 units. */
  private int offset(int codePoints) {
    return text.offsetByCodePoints(0, codePoints);
  }

  /** {@code value} written in the quoting style of the value it replaces. */
  private static String literal(ScalarNode old, String value) {
    return switch (old.getScalarStyle()) {
      case DOUBLE_QUOTED -> quoted(value.trim());
      case SINGLE_QUOTED -> "'" + value.trim().replace("'", "''") + "'";
      default -> literal(value);
    };
  }

  private static String literal(String value) {
    String v = value.trim();
    try {
      new BigDecimal(v);
      return v;
    } catch (NumberFormatException e) {
      return v.matches("[A-Za-z][A-Za-z0-9_.-]*") ? v : quoted(v);
    }
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private IllegalArgumentException unknown(String path) {
    return new IllegalArgumentException("the manifest has no value at '" + path + "'");
  }
}
