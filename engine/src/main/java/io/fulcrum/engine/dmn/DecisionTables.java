package io.fulcrum.engine.dmn;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.marshalling.DMNMarshaller;
import org.kie.dmn.backend.marshalling.v1x.DMNMarshallerFactory;
import org.kie.dmn.model.api.DRGElement;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.Definitions;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.RuleAnnotation;
import org.kie.dmn.model.api.RuleAnnotationClause;
import org.kie.dmn.model.api.UnaryTests;
import org.xml.sax.SAXParseException;

/**
 * The one reader of DMN decision tables: reads the KIE DMN model ({@link Definitions}, the model
 * API behind a compiled {@link DMNModel}) into {@link DecisionTable}s, one per decision whose logic
 * is a decision table, in document order. Explanations (the rows a hit quotes), the policy diff
 * (rows compared by number) and the impact report (rows named by number) all read tables here, so
 * they number rows the same way.
 *
 * <p>A model can be read compiled ({@link #of(DMNModel)}) or from its bytes ({@link #read}); the
 * latter only parses, so a draft whose FEEL does not compile can still be read.
 */
public final class DecisionTables {

  private static final DMNMarshaller MARSHALLER = DMNMarshallerFactory.newDefaultMarshaller();

  private DecisionTables() {}

  /** The tables of a compiled model. */
  public static List<DecisionTable> of(DMNModel model) {
    return of(model.getDefinitions());
  }

  /** The tables of a model's definitions, in document order. */
  public static List<DecisionTable> of(Definitions definitions) {
    List<DecisionTable> tables = new ArrayList<>();
    for (DRGElement element : definitions.getDrgElement()) {
      if (element instanceof Decision decision
          && decision.getExpression() instanceof org.kie.dmn.model.api.DecisionTable table) {
        tables.add(of(decision.getName(), table));
      }
    }
    return List.copyOf(tables);
  }

  /**
   * The tables of a DMN file's content, parsed but not compiled. DOCTYPE declarations are refused
   * (no external entity is ever read).
   *
   * @param file the file's name, for messages
   * @throws IllegalArgumentException naming the file (and line, when known) when the content is not
   *     well-formed XML or not a DMN model
   */
  public static List<DecisionTable> read(String file, byte[] content) {
    try {
      safeParser().parse(new ByteArrayInputStream(content));
    } catch (SAXParseException e) {
      throw new IllegalArgumentException(
          file + ":" + e.getLineNumber() + ": malformed XML: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalArgumentException(file + ": unreadable XML: " + e.getMessage(), e);
    }
    Definitions definitions;
    try {
      definitions =
          MARSHALLER.unmarshal(new StringReader(new String(content, StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not a DMN model: " + e.getMessage(), e);
    }
    if (definitions == null) {
      throw new IllegalArgumentException(file + ": not a DMN model (no definitions found)");
    }
    return of(definitions);
  }

  /** A namespace-aware XML parser that refuses DOCTYPE declarations and reports no errors. */
  public static DocumentBuilder safeParser() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(true);
    DocumentBuilder builder = f.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder;
  }

  private static DecisionTable of(String decision, org.kie.dmn.model.api.DecisionTable table) {
    List<DecisionTable.InputColumn> inputs = new ArrayList<>();
    for (InputClause in : table.getInput()) {
      LiteralExpression expression = in.getInputExpression();
      inputs.add(
          new DecisionTable.InputColumn(
              blankToNull(in.getLabel()),
              expression == null ? "" : text(expression.getText()),
              expression == null ? null : type(expression.getTypeRef())));
    }
    List<DecisionTable.OutputColumn> outputs = new ArrayList<>();
    for (OutputClause out : table.getOutput()) {
      outputs.add(
          new DecisionTable.OutputColumn(
              blankToNull(out.getName()), blankToNull(out.getLabel()), type(out.getTypeRef())));
    }
    List<String> annotations = new ArrayList<>();
    for (RuleAnnotationClause a : table.getAnnotation()) {
      annotations.add(a.getName() == null ? "" : a.getName());
    }
    List<DecisionTable.Row> rows = new ArrayList<>();
    int number = 1;
    for (DecisionRule rule : table.getRule()) {
      rows.add(
          new DecisionTable.Row(
              number++,
              blankToNull(rule.getId()),
              rule.getInputEntry().stream()
                  .map(UnaryTests::getText)
                  .map(DecisionTables::text)
                  .toList(),
              rule.getOutputEntry().stream()
                  .map(LiteralExpression::getText)
                  .map(DecisionTables::text)
                  .toList(),
              rule.getAnnotationEntry() == null
                  ? List.of()
                  : rule.getAnnotationEntry().stream()
                      .map(RuleAnnotation::getText)
                      .map(DecisionTables::text)
                      .toList(),
              blankToNull(rule.getDescription())));
    }
    return new DecisionTable(
        decision,
        blankToNull(table.getId()),
        blankToNull(table.getOutputLabel()),
        table.getHitPolicy() == null ? "UNIQUE" : table.getHitPolicy().name(),
        table.getAggregation() == null ? null : table.getAggregation().name(),
        inputs,
        outputs,
        annotations,
        rows);
  }

  private static String text(String text) {
    return text == null ? "" : text.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A type reference as written: {@code number}, or {@code prefix:name} when prefixed. */
  private static String type(QName typeRef) {
    if (typeRef == null || typeRef.getLocalPart().isBlank()) {
      return null;
    }
    return typeRef.getPrefix().isEmpty()
        ? typeRef.getLocalPart()
        : typeRef.getPrefix() + ":" + typeRef.getLocalPart();
  }
}
