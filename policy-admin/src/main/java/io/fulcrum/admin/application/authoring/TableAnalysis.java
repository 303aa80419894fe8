package io.fulcrum.admin.application.authoring;

import io.fulcrum.engine.dmn.DecisionTables;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.kie.dmn.validation.dtanalysis.DMNDTAnalysisMessage;
import org.kie.dmn.validation.dtanalysis.model.DDTARule;
import org.kie.dmn.validation.dtanalysis.model.DTAnalysis;
import org.kie.dmn.validation.dtanalysis.model.Hyperrectangle;
import org.kie.dmn.validation.dtanalysis.model.Interval;
import org.kie.dmn.validation.dtanalysis.model.MaskedRule;
import org.kie.dmn.validation.dtanalysis.model.Overlap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decision-table analysis of one DMN file that is not stored yet (the author's draft in the
 * browser), with each finding placed on the rows it concerns, for the table editor to mark.
 *
 * <p>The same analysis as upload validation (the engine's {@code DmnTableAnalysis}: the KIE DMN
 * validator's {@code ANALYZE_DECISION_TABLE}, string columns typed by the values their rows name,
 * the same severities: under UNIQUE a gap between rows, an overlap and a masked row are errors, a
 * gap at the edge of the rows' bounds a warning; under other hit policies gaps and overlaps are
 * warnings). What it adds is the rows: an overlap names the rows that all match, a masked row
 * itself, and a gap the rows next to it (those whose input entries touch or overlap the gap in
 * every column, as KIE's {@link Interval#adjOrOverlap} tells). The file is never changed.
 */
public final class TableAnalysis {

  /** Kinds of finding. */
  public enum Kind {
    GAP,
    OVERLAP,
    MASKED,
    INVALID
  }

  /**
   * One finding.
   *
   * @param table the decision table's output label, else its decision's name or id
   * @param rows the rows it concerns, numbered from 1 in the table's order (empty: the table)
   */
  public record Finding(
      String table, Kind kind, boolean error, List<Integer> rows, String message) {
    public Finding {
      rows = List.copyOf(rows);
    }
  }

  private static DMNValidator validator;

  private TableAnalysis() {}

  private static synchronized DMNValidator validator() {
    if (validator == null) {
      validator = DMNValidatorFactory.newValidator();
    }
    return validator;
  }

  /** Findings of every decision table in {@code content}; one INVALID finding if it is not XML. */
  public static List<Finding> analyse(byte[] content) {
    String analysed;
    try {
      analysed = withEnumeratedStringColumns(content);
    } catch (Exception e) {
      return List.of(
          new Finding("(file)", Kind.INVALID, true, List.of(), "not readable DMN XML: " + e));
    }
    List<DMNMessage> messages;
    synchronized (TableAnalysis.class) {
      messages =
          validator()
              .validateUsing(DMNValidator.Validation.ANALYZE_DECISION_TABLE)
              .theseModels(new StringReader(analysed));
    }
    Set<DTAnalysis> analyses = new LinkedHashSet<>();
    List<Finding> out = new ArrayList<>();
    for (DMNMessage m : messages) {
      if (m instanceof DMNDTAnalysisMessage d && d.getAnalysis() != null) {
        if (d.getAnalysis().isError()) {
          out.add(
              new Finding(
                  d.getAnalysis().nameOrIDOfTable(),
                  Kind.INVALID,
                  false,
                  List.of(),
                  "table analysis: " + m.getText()));
        } else {
          analyses.add(d.getAnalysis());
        }
      }
    }
    for (DTAnalysis a : analyses) {
      out.addAll(findingsOf(a));
    }
    return out;
  }

  private static List<Finding> findingsOf(DTAnalysis a) {
    DecisionTable table = a.getSource();
    boolean unique = table.getHitPolicy() == HitPolicy.UNIQUE;
    String name =
        table.getOutputLabel() == null || table.getOutputLabel().isBlank()
            ? a.nameOrIDOfTable()
            : table.getOutputLabel();
    List<DDTARule> rules = a.getDdtaTable().getRule();
    List<Finding> out = new ArrayList<>();
    for (Hyperrectangle gap : a.getGaps()) {
      boolean edge = gap.getEdges().stream().anyMatch(TableAnalysis::unbounded);
      Set<Integer> next = new TreeSet<>();
      for (int r = 0; r < rules.size(); r++) {
        if (touches(rules.get(r), gap)) {
          next.add(r + 1);
        }
      }
      out.add(
          new Finding(
              name,
              Kind.GAP,
              unique && !edge,
              List.copyOf(next),
              (edge ? "not covered (beyond the rows' bounds)" : "gap between rows")
                  + ", no row matches "
                  + gap.asHumanFriendly(a.getDdtaTable())));
    }
    for (Overlap o : a.getOverlaps()) {
      List<Integer> rows = o.getRules().stream().sorted().toList();
      out.add(
          new Finding(
              name,
              Kind.OVERLAP,
              unique,
              rows,
              "rows "
                  + rows
                  + " overlap, all match "
                  + o.getOverlap().asHumanFriendly(a.getDdtaTable())
                  + (unique ? " (UNIQUE allows one matching row)" : "")));
    }
    for (MaskedRule m : a.getMaskedRules()) {
      out.add(
          new Finding(
              name,
              Kind.MASKED,
              true,
              List.of(m.maskedRule),
              "row "
                  + m.maskedRule
                  + " is masked by row "
                  + m.maskedBy
                  + " and can never be selected"));
    }
    return out;
  }

  /** Whether every input entry of {@code rule} touches or overlaps the gap's edge in its column. */
  private static boolean touches(DDTARule rule, Hyperrectangle gap) {
    List<Interval> edges = gap.getEdges();
    if (rule.getInputEntry().size() < edges.size()) {
      return false;
    }
    for (int col = 0; col < edges.size(); col++) {
      if (!Interval.adjOrOverlap(
          rule.getInputEntry().get(col).getIntervals(), List.of(edges.get(col)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean unbounded(Interval i) {
    return i.getLowerBound().getValue() == Interval.NEG_INF
        || i.getUpperBound().getValue() == Interval.POS_INF;
  }

  /**
   * The model with each string column typed by the values its rows name, as the engine's upload
   * validation analyses it (engine policy/DmnTableAnalysis): an unlisted symbol is "not covered",
   * not a gap.
   */
  private static String withEnumeratedStringColumns(byte[] content) throws Exception {
    Document doc = DecisionTables.safeParser().parse(new ByteArrayInputStream(content));
    Element definitions = doc.getDocumentElement();
    String ns = definitions.getNamespaceURI();
    var tables = doc.getElementsByTagNameNS("*", "decisionTable");
    int n = 0;
    for (int t = 0; t < tables.getLength(); t++) {
      Element table = (Element) tables.item(t);
      List<Element> inputs = children(table, "input");
      List<Element> rules = children(table, "rule");
      for (int col = 0; col < inputs.size(); col++) {
        Element expression = first(inputs.get(col), "inputExpression");
        if (expression == null
            || !"string".equals(expression.getAttribute("typeRef"))
            || first(inputs.get(col), "inputValues") != null) {
          continue;
        }
        Set<String> values = columnLiterals(rules, col);
        if (values == null || values.isEmpty()) {
          continue;
        }
        String type = "fulcrum_analysis_domain_" + (++n);
        Element item = doc.createElementNS(ns, "itemDefinition");
        item.setAttribute("name", type);
        Element typeRef = doc.createElementNS(ns, "typeRef");
        typeRef.setTextContent("string");
        Element allowed = doc.createElementNS(ns, "allowedValues");
        Element text = doc.createElementNS(ns, "text");
        text.setTextContent(String.join(",", values));
        allowed.appendChild(text);
        item.appendChild(typeRef);
        item.appendChild(allowed);
        definitions.insertBefore(item, firstDrgElement(definitions));
        expression.setAttribute("typeRef", type);
      }
    }
    StringWriter out = new StringWriter();
    var transformer = TransformerFactory.newInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
    transformer.transform(new DOMSource(doc), new StreamResult(out));
    return out.toString();
  }

  private static Set<String> columnLiterals(List<Element> rules, int col) {
    Set<String> values = new LinkedHashSet<>();
    for (Element rule : rules) {
      List<Element> entries = children(rule, "inputEntry");
      if (col >= entries.size()) {
        return null;
      }
      Element text = first(entries.get(col), "text");
      String cell = text == null ? "" : text.getTextContent().strip();
      if (cell.isEmpty() || cell.equals("-")) {
        continue;
      }
      for (String item : cell.split(",")) {
        String v = item.strip();
        if (!v.matches("\"[^\"\\\\]*\"")) {
          return null;
        }
        values.add(v);
      }
    }
    return values;
  }

  private static Node firstDrgElement(Element definitions) {
    Set<String> header = Set.of("description", "extensionElements", "import", "itemDefinition");
    for (Node c = definitions.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && !header.contains(e.getLocalName())) {
        return c;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element first(Element parent, String localName) {
    List<Element> all = children(parent, localName);
    return all.isEmpty() ? null : all.get(0);
  }
}
