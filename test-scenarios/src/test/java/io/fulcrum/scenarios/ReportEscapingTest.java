package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.regress.RegressionRunner;
import io.fulcrum.scenarios.report.JunitXml;
import io.fulcrum.scenarios.report.RegressionReports;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.ScenarioResolver;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A case name with every markup character reaches the HTML and JUnit reports as text. */
class ReportEscapingTest {

  private static final String NAME = "a<&>\"'z";

  @TempDir Path dir;

  private RegressionResult run() throws Exception {
    String suite =
        RegressionChecksTest.HEAD.replace("  - id: a\n", "  - id: \"a<&>\\\"'z\"\n")
            + """
                - account: "a<&>\\"'z"
                  market: base
                  maintenanceMargin: 121        # 120 is right: a failure naming the case
              """;
    assertThat(suite).contains("id: \"a<&>\\\"'z\"");
    return new RegressionRunner(1)
        .run(
            new SuiteLoader(ScenarioResolver.NONE).load(RegressionChecksTest.write(dir, suite)),
            TestPolicies.compiled("tiered-perps@2"),
            Progress.silent());
  }

  @Test
  void html_escapesTheCaseName() throws Exception {
    String html = RegressionReports.html(run());

    assertThat(html)
        .contains("<td>a&lt;&amp;&gt;&quot;&apos;z</td>")
        .doesNotContain(NAME)
        .doesNotContain("a<&");
  }

  @Test
  void junitXml_readsBackTheCaseName_withAnXmlParser() throws Exception {
    String xml = JunitXml.of(run());

    NodeList cases =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getElementsByTagName("testcase");
    Element failed = null;
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("name").equals(NAME + " @ base")) {
        failed = c;
      }
    }
    assertThat(failed).as("testcase named %s @ base in%n%s", NAME, xml).isNotNull();
    Element failure = (Element) failed.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).contains(NAME);
    assertThat(failure.getTextContent()).contains(NAME);
  }
}
