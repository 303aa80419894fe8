package io.fulcrum.admin.application.authoring;

import io.fulcrum.engine.policy.DmnAnalysisInput;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
      analysed = DmnAnalysisInput.withEnumeratedStringColumns(content);
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
}
