package io.fulcrum.engine.policy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.kie.dmn.validation.dtanalysis.DMNDTAnalysisMessage;
import org.kie.dmn.validation.dtanalysis.model.DTAnalysis;
import org.kie.dmn.validation.dtanalysis.model.Hyperrectangle;
import org.kie.dmn.validation.dtanalysis.model.Interval;
import org.kie.dmn.validation.dtanalysis.model.MaskedRule;
import org.kie.dmn.validation.dtanalysis.model.Overlap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The KIE DMN validator's decision-table analysis ({@code ANALYZE_DECISION_TABLE}) over every table
 * of a model: gaps (inputs no row matches), overlaps (inputs several rows match) and masked rules
 * (rows a higher-priority row always hides), each at the line of its row (an overlap at its later
 * row, a gap at its table).
 *
 * <p>Severity: under hit policy UNIQUE an overlap is an error (the table fails at run time on those
 * inputs), and so is a gap between rows; a gap at the edge of what the table covers (below the
 * lowest or above the highest bound, e.g. a notional above the top bracket's cap) is a warning,
 * like every gap and overlap under other hit policies. A masked rule is an error (its row can never
 * be selected).
 *
 * <p>String inputs: the analyser skips gap analysis of a table with a string column unless the
 * column's type enumerates its values. A policy's string columns (symbol, asset) list what it
 * covers, and an unlisted value is "not covered", not a gap; so the analysis runs on a copy of the
 * model in which each such column is typed by the values its rows name. The file is not changed.
 */
final class DmnTableAnalysis {

  /** One finding; {@code line} 0 when the XML gives none (the message names table and row). */
  record Finding(boolean error, CompilationProblem problem) {}

  private static DMNValidator validator;

  private DmnTableAnalysis() {}

  private static synchronized DMNValidator validator() {
    if (validator == null) {
      validator = DMNValidatorFactory.newValidator();
    }
    return validator;
  }

  static List<Finding> analyse(String file, byte[] content) {
    String original = new String(content, java.nio.charset.StandardCharsets.UTF_8);
    String analysed;
    try {
      analysed = withEnumeratedStringColumns(content);
    } catch (Exception e) {
      return List.of(); // not readable XML: compilation reports it
    }
    List<DMNMessage> messages;
    synchronized (DmnTableAnalysis.class) {
      messages =
          validator()
              .validateUsing(DMNValidator.Validation.ANALYZE_DECISION_TABLE)
              .theseModels(new StringReader(analysed));
    }
    Set<DTAnalysis> analyses = new LinkedHashSet<>();
    List<Finding> findings = new ArrayList<>();
    for (DMNMessage m : messages) {
      if (m instanceof DMNDTAnalysisMessage d && d.getAnalysis() != null) {
        if (d.getAnalysis().isError()) {
          findings.add(
              new Finding(
                  false,
                  new CompilationProblem(
                      file,
                      lineOfId(original, m.getSourceId()),
                      "table analysis: " + m.getText())));
        } else {
          analyses.add(d.getAnalysis());
        }
      }
    }
    for (DTAnalysis a : analyses) {
      findings.addAll(findingsOf(file, original, a));
    }
    return findings;
  }

  private static List<Finding> findingsOf(String file, String xml, DTAnalysis a) {
    DecisionTable table = a.getSource();
    boolean unique = table.getHitPolicy() == HitPolicy.UNIQUE;
    String name =
        "table '"
            + (table.getOutputLabel() == null || table.getOutputLabel().isBlank()
                ? a.nameOrIDOfTable()
                : table.getOutputLabel())
            + "' ("
            + table.getHitPolicy()
            + ")";
    List<Finding> out = new ArrayList<>();
    for (Hyperrectangle gap : a.getGaps()) {
      boolean edge = gap.getEdges().stream().anyMatch(DmnTableAnalysis::unbounded);
      String what = edge ? "not covered (beyond the rows' bounds)" : "gap between rows";
      out.add(
          new Finding(
              unique && !edge,
              new CompilationProblem(
                  file,
                  lineOfId(xml, table.getId()),
                  name
                      + ": "
                      + what
                      + ", no row matches "
                      + gap.asHumanFriendly(a.getDdtaTable()))));
    }
    for (Overlap o : a.getOverlaps()) {
      List<Integer> rows = o.getRules().stream().sorted().toList();
      int last = rows.get(rows.size() - 1);
      out.add(
          new Finding(
              unique,
              new CompilationProblem(
                  file,
                  rowLine(xml, table, last),
                  name
                      + ": rows "
                      + rows
                      + " overlap, all match "
                      + o.getOverlap().asHumanFriendly(a.getDdtaTable())
                      + (unique ? " (UNIQUE allows one matching row)" : ""))));
    }
    for (MaskedRule m : a.getMaskedRules()) {
      out.add(
          new Finding(
              true,
              new CompilationProblem(
                  file,
                  rowLine(xml, table, m.maskedRule),
                  name
                      + ": row "
                      + m.maskedRule
                      + " is masked by row "
                      + m.maskedBy
                      + " and can never be selected")));
    }
    return out;
  }

  private static boolean unbounded(Interval i) {
    return i.getLowerBound().getValue() == Interval.NEG_INF
        || i.getUpperBound().getValue() == Interval.POS_INF;
  }

  private static int rowLine(String xml, DecisionTable table, int row) {
    if (row < 1 || row > table.getRule().size()) {
      return 0;
    }
    DecisionRule rule = table.getRule().get(row - 1);
    return lineOfId(xml, rule.getId());
  }

  /** The line of the element with attribute {@code id="..."}, or 0. */
  static int lineOfId(String xml, String id) {
    if (id == null || id.isBlank()) {
      return 0;
    }
    int at = xml.indexOf("id=\"" + id + "\"");
    if (at < 0) {
      return 0;
    }
    return CompilationProblem.lineAt(xml, at);
  }

  /** The model with each string column typed by the values its rows name (see class comment). */
  static String withEnumeratedStringColumns(byte[] content) throws Exception {
    Document doc = DmnModels.xmlParser().parse(new java.io.ByteArrayInputStream(content));
    Element definitions = doc.getDocumentElement();
    String ns = definitions.getNamespaceURI();
    NodeList tables = doc.getElementsByTagNameNS("*", "decisionTable");
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
    transformer.transform(new DOMSource(doc), new StreamResult(out));
    return out.toString();
  }

  /** The quoted literals of column {@code col}; null if a cell is anything but a literal list. */
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
