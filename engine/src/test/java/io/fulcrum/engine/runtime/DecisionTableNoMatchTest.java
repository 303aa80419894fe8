package io.fulcrum.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.policy.CompiledPolicy;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A decision table with a gap between its notional ranges compiles, but a position whose notional
 * falls into the gap matches no row. That is the policy's fault (a {@link PolicyEvaluationFailed}
 * naming model, decision, table and inputs), never an {@link InvalidRequest}.
 */
class DecisionTableNoMatchTest {

  /** Rows [0..50000) and [70000..): the request's 60,000 notional falls into the gap. */
  static final String GAP =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="rate" name="Rate" namespace="https://fulcrum.io/dmn/test/gap">
        <inputData id="input_notional" name="notional">
          <variable id="input_notional_var" name="notional" typeRef="number"/>
        </inputData>
        <decision id="rate_decision" name="Rate">
          <variable id="rate_var" name="Rate" typeRef="number"/>
          <informationRequirement id="req"><requiredInput href="#input_notional"/></informationRequirement>
          <decisionTable id="rate_table" hitPolicy="UNIQUE" outputLabel="Flat rates">
            <input id="c1" label="notional"><inputExpression id="c1e" typeRef="number"><text>notional</text></inputExpression></input>
            <output id="o1" name="rate" typeRef="number"/>
            <rule id="r1"><inputEntry id="r1i"><text>[0..50000)</text></inputEntry><outputEntry id="r1o"><text>0.01</text></outputEntry></rule>
            <rule id="r2"><inputEntry id="r2i"><text>&gt;= 70000</text></inputEntry><outputEntry id="r2o"><text>0.02</text></outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @Test
  void aNotionalInATableGap_isAPolicyFaultNamingTableDecisionModelAndInputs() {
    CompiledPolicy gap = DecisionLimitsTest.compile("", Map.of("rate.dmn", GAP));

    for (boolean explain : new boolean[] {false, true}) {
      assertThatThrownBy(() -> MarginEngine.decide(gap, DecisionLimitsTest.REQUEST, explain))
          .isInstanceOf(DecisionTableNoMatch.class)
          .isNotInstanceOf(InvalidRequest.class)
          .hasMessage(
              "policy good@1: decision table 'Flat rates' (decision 'Rate' in rate.dmn) matched"
                  + " no row for position BTCUSDT with inputs {notional=60000}: the table has a"
                  + " gap or does not list these inputs (a fault of the policy, not of the"
                  + " request)")
          .satisfies(
              e -> {
                DecisionTableNoMatch f = (DecisionTableNoMatch) e;
                assertThat(f.model()).isEqualTo("rate.dmn");
                assertThat(f.decision()).isEqualTo("Rate");
                assertThat(f.table()).isEqualTo("Flat rates");
                assertThat(f.inputs()).containsOnlyKeys("notional");
                assertThat(new BigDecimal(f.inputs().get("notional").toString()))
                    .isEqualByComparingTo("60000");
              });
    }
  }
}
