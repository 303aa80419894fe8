package io.fulcrum.engine.policy;

import io.fulcrum.engine.dmn.CompiledDecisionTable;
import io.fulcrum.engine.dmn.DecisionTables;
import io.fulcrum.engine.explain.TableHit.TableRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.UnaryTests;
import org.kie.internal.io.ResourceFactory;

/**
 * The DMN models of a bundle, compiled once, with the rows of every decision table as authored (so
 * an explanation can quote a matched row). Evaluation type-checks inputs and outputs against the
 * model's types.
 */
public final class DmnModels {

  private final DMNRuntime runtime;
  private final Map<String, DMNModel> byFile;
  private final Map<String, io.fulcrum.engine.dmn.DecisionTable> tables;
  private final Map<String, List<TableRow>> rowsByTable;
  private final Map<String, List<Prepared>> bySubject;

  /**
   * A manifest decision binding prepared at compile time, so an evaluation does no look-up: the
   * model, the binding's DMN inputs in name order with the subject properties they read, and the
   * decision compiled to Java when {@link CompiledDecisionTable} can evaluate it (else null: the
   * KIE DMN runtime evaluates it), with, for each of the compiled decision's inputs, its position
   * in {@code inputs}, and for each of its tables (in {@link CompiledDecisionTable#tables()} order)
   * what an explanation quotes: label, hit policy and each row as a one-row list.
   */
  public record Prepared(
      PolicyManifest.DecisionBinding binding,
      DMNModel model,
      List<String> inputs,
      List<String> properties,
      CompiledDecisionTable table,
      int[] tableInputs,
      List<String> labels,
      List<String> hitPolicies,
      List<List<List<TableRow>>> selectedRows) {}

  private DmnModels(
      DMNRuntime runtime,
      Map<String, DMNModel> byFile,
      Map<String, io.fulcrum.engine.dmn.DecisionTable> tables,
      List<PolicyManifest.DecisionBinding> bindings) {
    this.runtime = runtime;
    this.byFile = byFile;
    this.tables = tables;
    Map<String, List<TableRow>> rows = new HashMap<>();
    tables.forEach((name, table) -> rows.put(name, tableRows(table)));
    this.rowsByTable = Map.copyOf(rows);
    Map<String, List<Prepared>> prepared = new HashMap<>();
    for (PolicyManifest.DecisionBinding binding : bindings) {
      prepared.computeIfAbsent(binding.subject(), k -> new ArrayList<>()).add(prepare(binding));
    }
    prepared.replaceAll((k, v) -> List.copyOf(v));
    this.bySubject = Map.copyOf(prepared);
  }

  private Prepared prepare(PolicyManifest.DecisionBinding binding) {
    DMNModel model = byFile.get(binding.model());
    List<String> inputs = List.copyOf(new java.util.TreeSet<>(binding.inputs().keySet()));
    List<String> properties = inputs.stream().map(binding.inputs()::get).toList();
    CompiledDecisionTable table =
        COMPILE_TABLES && model != null
            ? CompiledDecisionTable.compile(model, binding.decision()).orElse(null)
            : null;
    int[] tableInputs = null;
    if (table != null) {
      tableInputs = new int[table.inputs().size()];
      for (int i = 0; i < tableInputs.length; i++) {
        tableInputs[i] = inputs.indexOf(table.inputs().get(i));
        if (tableInputs[i] < 0) {
          // the decision reads an input the binding does not give: the runtime says so
          table = null;
          tableInputs = null;
          break;
        }
      }
    }
    List<String> labels = new ArrayList<>();
    List<String> hitPolicies = new ArrayList<>();
    List<List<List<TableRow>>> selected = new ArrayList<>();
    for (String name : table == null ? List.<String>of() : table.tables()) {
      labels.add(label(name));
      hitPolicies.add(hitPolicy(name));
      List<List<TableRow>> rows = new ArrayList<>();
      for (TableRow row : rows(name)) {
        rows.add(List.of(row));
      }
      selected.add(List.copyOf(rows));
    }
    return new Prepared(
        binding,
        model,
        inputs,
        properties,
        table,
        tableInputs,
        List.copyOf(labels),
        List.copyOf(hitPolicies),
        List.copyOf(selected));
  }

  /**
   * Whether decision tables that allow it are evaluated by {@link CompiledDecisionTable} (default)
   * rather than the KIE DMN runtime; {@code -Dfulcrum.dmn.compiledTables=false} turns it off (to
   * compare both in a benchmark).
   */
  static final boolean COMPILE_TABLES =
      !"false".equals(System.getProperty("fulcrum.dmn.compiledTables"));

  /** The prepared bindings of subject kind {@code subject}, in manifest order. */
  public List<Prepared> decisions(String subject) {
    return bySubject.getOrDefault(subject, List.of());
  }

  static DmnModels compile(PolicyBundle bundle, List<CompilationProblem> problems) {
    List<String> files =
        bundle.manifest().decisions().stream()
            .map(PolicyManifest.DecisionBinding::model)
            .distinct()
            .toList();
    if (files.isEmpty()) {
      return new DmnModels(null, Map.of(), Map.of(), List.of());
    }
    for (String file : files) {
      checkWellFormed(file, bundle.files().get(file), problems);
    }
    if (!problems.isEmpty()) {
      return new DmnModels(null, Map.of(), Map.of(), List.of());
    }
    List<Resource> resources = new ArrayList<>();
    for (String file : files) {
      Resource r = ResourceFactory.newByteArrayResource(bundle.files().get(file));
      r.setSourcePath(file);
      resources.add(r);
    }
    var built =
        DMNRuntimeBuilder.fromDefaults()
            .setRootClassLoader(new PolicyClassLoader(DmnModels.class.getClassLoader()))
            .setOption(new RuntimeTypeCheckOption(true))
            .buildConfigurationUsingCustomCompiler(
                cfg -> {
                  if (Boolean.getBoolean("fulcrum.dmn.alphanetwork")) {
                    ((org.kie.dmn.core.compiler.DMNCompilerConfigurationImpl) cfg)
                        .setProperty(
                            org.kie.dmn.core.compiler.AlphaNetworkOption.PROPERTY_NAME, "true");
                  }
                  return new org.kie.dmn.core.compiler.DMNCompilerImpl(cfg);
                })
            .fromResources(resources);
    DMNRuntime runtime =
        built.cata(
            e -> {
              problems.add(
                  new CompilationProblem(
                      files.get(0), 0, "DMN does not compile: " + e.getMessage()));
              return null;
            },
            r -> r);
    if (runtime == null) {
      return new DmnModels(null, Map.of(), Map.of(), List.of());
    }
    runtime.addListener(DmnCapture.LISTENER);
    Map<String, DMNModel> byFile = new HashMap<>();
    for (DMNModel model : runtime.getModels()) {
      String file = model.getResource() == null ? null : model.getResource().getSourcePath();
      byFile.put(file, model);
      for (DMNMessage m : model.getMessages(DMNMessage.Severity.ERROR)) {
        problems.add(
            new CompilationProblem(file, lineOf(m, bundle.files().get(file)), describe(m)));
      }
      DmnOutputTypes.check(file, model, problems);
    }
    for (String file : files) {
      if (!byFile.containsKey(file)) {
        problems.add(new CompilationProblem(file, 0, "not a DMN model (no definitions found)"));
      }
    }
    Map<String, io.fulcrum.engine.dmn.DecisionTable> tables = new HashMap<>();
    for (DMNModel model : byFile.values()) {
      for (io.fulcrum.engine.dmn.DecisionTable table : DecisionTables.of(model)) {
        tables.put(table.decision(), table);
      }
    }
    for (PolicyManifest.DecisionBinding binding : bundle.manifest().decisions()) {
      DMNModel model = byFile.get(binding.model());
      if (model != null && model.getDecisionByName(binding.decision()) == null) {
        problems.add(
            new CompilationProblem(
                binding.model(),
                0,
                "the manifest names decision '"
                    + binding.decision()
                    + "' but the model has none by that name"));
      }
    }
    return new DmnModels(
        runtime, Map.copyOf(byFile), Map.copyOf(tables), bundle.manifest().decisions());
  }

  /** The DMN compiler fails on malformed XML without saying where; the XML parser says where. */
  private static void checkWellFormed(
      String file, byte[] content, List<CompilationProblem> problems) {
    try {
      xmlParser().parse(new java.io.ByteArrayInputStream(content));
    } catch (org.xml.sax.SAXParseException e) {
      problems.add(
          new CompilationProblem(file, e.getLineNumber(), "malformed XML: " + e.getMessage()));
    } catch (Exception e) {
      problems.add(new CompilationProblem(file, 0, "unreadable XML: " + e.getMessage()));
    }
  }

  /** Why {@code content} is not well-formed XML without a DOCTYPE, or null when it is. */
  static String xmlProblem(byte[] content) {
    List<CompilationProblem> problems = new ArrayList<>();
    checkWellFormed("", content, problems);
    if (problems.isEmpty()) {
      return null;
    }
    CompilationProblem p = problems.get(0);
    return (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message();
  }

  /** A parser that refuses DOCTYPE declarations, so no external entity is ever read. */
  static javax.xml.parsers.DocumentBuilder xmlParser() throws Exception {
    return DecisionTables.safeParser();
  }

  /**
   * The line of what a DMN message is about: the table cell whose FEEL text the message quotes (a
   * rule's input or output entry), else the element it names; 0 if unknown.
   */
  private static int lineOf(DMNMessage m, byte[] content) {
    if (m.getSourceReference() instanceof DMNModelInstrumentedBase element) {
      if (element instanceof DecisionRule rule) {
        List<DMNModelInstrumentedBase> cells = new ArrayList<>(rule.getInputEntry());
        cells.addAll(rule.getOutputEntry());
        for (DMNModelInstrumentedBase cell : cells) {
          String text =
              cell instanceof UnaryTests u
                  ? u.getText()
                  : cell instanceof LiteralExpression l ? l.getText() : null;
          if (text != null && m.getText() != null && m.getText().contains("'" + text + "'")) {
            return line(cell, content);
          }
        }
      }
      int line = line(element, content);
      if (line > 0) {
        return line;
      }
    }
    return content == null
        ? 0
        : DmnTableAnalysis.lineOfId(
            new String(content, java.nio.charset.StandardCharsets.UTF_8), m.getSourceId());
  }

  /** The line of the element's text: its {@code <text>} child when it has one. */
  private static int line(DMNModelInstrumentedBase element, byte[] content) {
    javax.xml.stream.Location at = element.getLocation();
    if (at != null && at.getLineNumber() > 0) {
      return at.getLineNumber();
    }
    String id = element instanceof org.kie.dmn.model.api.DMNElement e ? e.getId() : null;
    return content == null
        ? 0
        : DmnTableAnalysis.lineOfId(
            new String(content, java.nio.charset.StandardCharsets.UTF_8), id);
  }

  private static String describe(DMNMessage m) {
    String where = m.getSourceId() == null ? "" : " (element " + m.getSourceId() + ")";
    return m.getMessageType() + ": " + m.getText() + where;
  }

  /**
   * A table's rows as an explanation quotes them: the first annotation as the row's note (its
   * description when the table has no annotation column), none when blank.
   */
  private static List<TableRow> tableRows(io.fulcrum.engine.dmn.DecisionTable table) {
    List<TableRow> rows = new ArrayList<>();
    for (io.fulcrum.engine.dmn.DecisionTable.Row row : table.rows()) {
      String annotation =
          row.annotations().isEmpty() ? row.description() : row.annotations().get(0);
      annotation = annotation == null || annotation.isBlank() ? null : annotation.strip();
      rows.add(new TableRow(row.number(), row.inputEntries(), row.outputEntries(), annotation));
    }
    return List.copyOf(rows);
  }

  public DMNRuntime runtime() {
    return runtime;
  }

  public DMNModel model(String file) {
    DMNModel m = byFile.get(file);
    if (m == null) {
      throw new IllegalArgumentException("no DMN model from file '" + file + "'");
    }
    return m;
  }

  /**
   * The parameter names decision {@code decision} of model {@code file} gives its subject, as the
   * engine stores them: the output columns of a multi-output table, the fields of a structured
   * result, else the decision's own name. Empty when the model or decision is unknown.
   */
  public java.util.Set<String> outputNames(String file, String decision) {
    DMNModel model = byFile.get(file);
    DecisionNode node = model == null ? null : model.getDecisionByName(decision);
    if (node == null) {
      return java.util.Set.of();
    }
    java.util.Set<String> names = new java.util.TreeSet<>();
    if (node.getDecision().getExpression() instanceof DecisionTable table
        && table.getOutput().size() > 1) {
      table.getOutput().forEach(o -> names.add(o.getName()));
    } else if (node.getResultType() != null && node.getResultType().isComposite()) {
      names.addAll(node.getResultType().getFields().keySet());
    } else {
      names.add(decision);
    }
    return names;
  }

  /** The decision table behind decision {@code name}, as {@link DecisionTables} reads it. */
  public java.util.Optional<io.fulcrum.engine.dmn.DecisionTable> table(String tableName) {
    return java.util.Optional.ofNullable(tables.get(tableName));
  }

  /** The authored rows of the decision table behind decision {@code name}; empty if none. */
  public List<TableRow> rows(String tableName) {
    return rowsByTable.getOrDefault(tableName, List.of());
  }

  /** The table's label (its output label in the model), falling back to the decision name. */
  public String label(String tableName) {
    io.fulcrum.engine.dmn.DecisionTable t = tables.get(tableName);
    return t == null || t.outputLabel() == null ? tableName : t.outputLabel();
  }

  public String hitPolicy(String tableName) {
    io.fulcrum.engine.dmn.DecisionTable t = tables.get(tableName);
    return t == null ? "" : t.hitPolicy();
  }
}
