package testscenario;

/**
 * Runs every Kogito test scenario ({@code *.scesim}) of the shipped bundles, the way the DMN
 * tooling expects: each scenario row is one JUnit result. The scenarios live in the bundles (listed
 * under the manifest's {@code tests}) and name their model by path from this module.
 */
@org.junit.runner.RunWith(org.kogito.scenariosimulation.runner.KogitoJunitActivator.class)
public class KogitoScenarioJunitActivatorTest {}
