package io.fulcrum.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every risk measure passes: registration, parameter validation with clear messages,
 * determinism, an inputs summary naming every parameter used, and agreement with the reference
 * files under {@code measure-reference/}.
 */
public abstract class RiskMeasureContractTest {

  /** A fresh instance of the measure under test. */
  protected abstract RiskMeasure measure();

  /** An input the measure accepts. */
  protected abstract MeasureInput validInput();

  /** Every parameter of the measure set explicitly, to a valid non-default value. */
  protected abstract Map<String, String> allParameters();

  /** Builds and evaluates an input too short (or empty) for the measure; must throw. */
  protected abstract void evaluateOnTooShortInput();

  /** Builds an input with NaN in its data; must throw IllegalArgumentException. */
  protected abstract void buildInputWithNaN();

  /** The input a reference row names. */
  protected MeasureInput referenceInput(String name) {
    return ReferenceValues.series(name);
  }

  /** An input kind the measure does not accept. */
  protected MeasureInput foreignInput() {
    return new PortfolioExposure(
        List.of(
            new PortfolioExposure.Exposure(
                "BTC-PERP", "BTC", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN)));
  }

  protected final MeasureResult evaluate(MeasureInput input, Map<String, String> parameters) {
    return measure().evaluate(input, MeasureParameters.of(parameters));
  }

  private boolean usesAlpha() {
    return measure().parameterNames().contains("alpha");
  }

  @Test
  void isFoundByServiceLoaderUnderItsName() {
    RiskMeasure loaded = RiskMeasures.load().get(measure().name());
    assertThat(loaded).isInstanceOf(measure().getClass());
  }

  @Test
  void unknownParameter_isRejectedNamingIt() {
    assertThatThrownBy(() -> evaluate(validInput(), Map.of("confidense", "0.99")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidense")
        .hasMessageContaining(measure().name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "1.2", "-0.1", "NaN", "Infinity"})
  void alphaOutsideOpenUnitInterval_isRejectedNamingParameterAndValue(String alpha) {
    assumeTrue(usesAlpha(), "measure has no alpha");
    assertThatThrownBy(() -> evaluate(validInput(), Map.of("alpha", alpha)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha")
        .hasMessageContaining(alpha);
  }

  /** A parameter that must be a number: alpha where the measure has one. */
  protected String numericParameter() {
    return "alpha";
  }

  @Test
  void nonNumericParameter_isRejectedNamingIt() {
    assertThatThrownBy(() -> evaluate(validInput(), Map.of(numericParameter(), "abc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(numericParameter())
        .hasMessageContaining("abc");
  }

  @Test
  void nanInData_isRejected() {
    assertThatThrownBy(this::buildInputWithNaN)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void tooShortInput_isRejected() {
    assertThatThrownBy(this::evaluateOnTooShortInput)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("(?s).*(at least|must not be empty).*");
  }

  @Test
  void inputKindItDoesNotAccept_isRejected() {
    assertThatThrownBy(() -> evaluate(foreignInput(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(measure().name());
  }

  @Test
  void sameInputAndParameters_giveTheSameResultBitForBit() {
    MeasureResult first = evaluate(validInput(), allParameters());
    MeasureResult second = evaluate(validInput(), allParameters());
    assertThat(Double.doubleToRawLongBits(second.value()))
        .isEqualTo(Double.doubleToRawLongBits(first.value()));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void result_carriesNAlphaAndEveryParameterUsed() {
    Map<String, String> parameters = allParameters();
    assertThat(parameters.keySet()).containsAll(measure().parameterNames());
    MeasureResult result = evaluate(validInput(), parameters);
    assertThat(result.measure()).isEqualTo(measure().name());
    assertThat(result.inputs())
        .containsKey("n")
        .containsKeys(parameters.keySet().toArray(String[]::new));
    if (usesAlpha()) {
      assertThat(((Number) result.inputs().get("alpha")).doubleValue())
          .isCloseTo(Double.parseDouble(parameters.get("alpha")), within(0.0));
    }
  }

  @Test
  void defaults_areStatedInTheInputsSummary() {
    MeasureResult result = evaluate(validInput(), Map.of());
    assertThat(result.inputs()).containsKey("n");
    if (usesAlpha()) {
      assertThat(result.inputs()).containsEntry("alpha", 0.99);
    }
  }

  @TestFactory
  Stream<DynamicTest> matchesEveryReferenceValue() {
    List<ReferenceValues.Row> rows = ReferenceValues.rowsFor(measure().name());
    assertThat(rows).as("reference rows for " + measure().name()).isNotEmpty();
    return rows.stream()
        .map(row -> DynamicTest.dynamicTest(row.toString(), () -> assertMatches(row)));
  }

  private void assertMatches(ReferenceValues.Row row) {
    MeasureResult result = measure().evaluate(referenceInput(row.input()), row.parameters());
    double actual =
        row.detail().isEmpty() ? result.value() : ReferenceValues.detail(result, row.detail());
    assertThat(actual).as(row.toString()).isCloseTo(row.expected(), within(row.tolerance()));
  }

  /** A copy of {@code base} with {@code key=value} added. */
  protected static Map<String, String> with(Map<String, String> base, String key, String value) {
    TreeMap<String, String> copy = new TreeMap<>(base);
    copy.put(key, value);
    return copy;
  }
}
