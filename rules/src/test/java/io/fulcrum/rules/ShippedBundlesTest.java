package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.policy.PolicySource;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shipped bundle compiles, and the packaged copy is the same content as the source. */
class ShippedBundlesTest {

  @TestFactory
  Stream<DynamicTest> everyShippedBundleCompiles() {
    PolicySource library = ShippedPolicies.ENGINE.library();
    return library.ids().stream()
        .flatMap(
            id ->
                library.versions(id).stream()
                    .map(
                        v ->
                            DynamicTest.dynamicTest(
                                id + "@" + v,
                                () ->
                                    assertThat(
                                            ShippedPolicies.ENGINE
                                                .policy(PolicyRef.of(id, v))
                                                .stamp()
                                                .version())
                                        .isEqualTo(v))));
  }

  @Test
  void theShippedPoliciesAreTiered_perpsAndCollateralHealth() {
    assertThat(ShippedPolicies.ENGINE.library().ids())
        .contains("tiered-perps", "collateral-health");
    assertThat(ShippedPolicies.ENGINE.library().versions("tiered-perps"))
        .containsExactly("1", "2", "3", "4");
  }

  @Test
  void packagedBundles_haveTheSameHashesAsTheSources() {
    PolicyLibrary packaged = PolicyLibrary.shipped();
    PolicySource sources = ShippedPolicies.ENGINE.library();
    assertThat(packaged.ids()).isEqualTo(sources.ids());
    for (String id : sources.ids()) {
      for (String v : sources.versions(id)) {
        PolicyBundle a = sources.load(PolicyRef.of(id, v));
        PolicyBundle b = packaged.load(PolicyRef.of(id, v));
        assertThat(b.hash()).as(id + "@" + v).isEqualTo(a.hash());
      }
    }
  }
}
