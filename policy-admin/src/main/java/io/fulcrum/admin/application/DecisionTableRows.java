package io.fulcrum.admin.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The decision tables of a file as authored, for row-level diffs: each DMN decision table (named by
 * its decision) with its column names and rows of cells, or a spreadsheet table ({@code *.drl.csv})
 * as one table of its CSV records. Read from the bytes, so a DRAFT that does not compile can still
 * be compared.
 */
final class DecisionTableRows {

  /** One table: column names (inputs, outputs, annotations) and rows of cells in that order. */
  record Table(List<String> columns, List<List<String>> rows) {}

  private DecisionTableRows() {}

  static boolean isTableFile(String path) {
    return path.endsWith(".dmn") || path.endsWith(".drl.csv");
  }

  /** Tables by name, in document order; empty if the file does not parse. */
  static Map<String, Table> of(String path, byte[] content) {
    try {
      return path.endsWith(".dmn") ? dmn(content) : csv(path, content);
    } catch (Exception e) {
      return Map.of();
    }
  }

  private static Map<String, Table> csv(String path, byte[] content) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    int width = 0;
    try (Reader r =
        new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.parse(r)) {
        rows.add(rec.toList());
        width = Math.max(width, rec.size());
      }
    }
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= width; i++) {
      columns.add("column " + i);
    }
    return Map.of(path, new Table(columns, rows));
  }

  private static Map<String, Table> dmn(byte[] content) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    Element root =
        f.newDocumentBuilder().parse(new ByteArrayInputStream(content)).getDocumentElement();
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Element decision : children(root, "decision")) {
      for (Element table : children(decision, "decisionTable")) {
        List<String> columns = new ArrayList<>();
        for (Element in : children(table, "input")) {
          String label = in.getAttribute("label");
          columns.add(label.isBlank() ? text(first(in, "inputExpression")) : label);
        }
        for (Element out : children(table, "output")) {
          columns.add(
              out.getAttribute("name").isBlank()
                  ? out.getAttribute("label")
                  : out.getAttribute("name"));
        }
        for (Element note : children(table, "annotation")) {
          columns.add(note.getAttribute("name"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Element rule : children(table, "rule")) {
          List<String> cells = new ArrayList<>();
          children(rule, "inputEntry").forEach(e -> cells.add(text(e)));
          children(rule, "outputEntry").forEach(e -> cells.add(text(e)));
          children(rule, "annotationEntry").forEach(e -> cells.add(text(e)));
          rows.add(cells);
        }
        tables.put(decision.getAttribute("name"), new Table(columns, rows));
      }
    }
    return tables;
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element first(Element parent, String localName) {
    List<Element> c = children(parent, localName);
    return c.isEmpty() ? null : c.get(0);
  }

  private static String text(Element e) {
    if (e == null) {
      return "";
    }
    Element t = first(e, "text");
    return (t == null ? e.getTextContent() : t.getTextContent()).strip();
  }
}
