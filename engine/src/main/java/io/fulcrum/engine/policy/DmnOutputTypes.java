package io.fulcrum.engine.policy;

import java.math.BigDecimal;
import java.util.List;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.feel.FEEL;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.OutputClause;

/**
 * Checks, at compile time, that every literal output entry of a decision table has the type its
 * column declares (a string in a number column is a type error the DMN compiler lets through and
 * the runtime would only report on the first request that hits the row). Entries that are
 * expressions over inputs are left to the runtime type check.
 */
final class DmnOutputTypes {

  private DmnOutputTypes() {}

  static void check(String file, DMNModel model, List<CompilationProblem> problems) {
    FEEL feel = FEEL.newInstance(DmnOutputTypes.class.getClassLoader(), List.of());
    for (DecisionNode node : model.getDecisions()) {
      if (!(node.getDecision().getExpression() instanceof DecisionTable table)) {
        continue;
      }
      List<OutputClause> outputs = table.getOutput();
      int row = 1;
      for (DecisionRule rule : table.getRule()) {
        for (int col = 0; col < outputs.size() && col < rule.getOutputEntry().size(); col++) {
          String type = typeOf(outputs.get(col), node, outputs.size());
          String text = rule.getOutputEntry().get(col).getText().strip();
          Object value = literal(feel, text);
          if (type != null && value != null && !matches(type, value)) {
            String column =
                outputs.get(col).getName() == null ? node.getName() : outputs.get(col).getName();
            problems.add(
                new CompilationProblem(
                    file,
                    0,
                    "type error in table '"
                        + node.getName()
                        + "' row "
                        + row
                        + ", output '"
                        + column
                        + "': "
                        + text
                        + " is a "
                        + feelType(value)
                        + " but the column is typed "
                        + type));
          }
        }
        row++;
      }
    }
  }

  private static String typeOf(OutputClause clause, DecisionNode node, int outputs) {
    if (clause.getTypeRef() != null) {
      return clause.getTypeRef().getLocalPart();
    }
    if (outputs == 1
        && node.getDecision().getVariable() != null
        && node.getDecision().getVariable().getTypeRef() != null) {
      return node.getDecision().getVariable().getTypeRef().getLocalPart();
    }
    return null;
  }

  private static Object literal(FEEL feel, String text) {
    if (text.isEmpty() || text.equals("-") || text.equals("null")) {
      return null;
    }
    try {
      return feel.evaluate(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean matches(String type, Object value) {
    return switch (type) {
      case "number" -> value instanceof BigDecimal || value instanceof Number;
      case "string" -> value instanceof String;
      case "boolean" -> value instanceof Boolean;
      default -> true;
    };
  }

  private static String feelType(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value.getClass().getSimpleName();
  }
}
