package io.fulcrum.engine.policy;

import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.conf.PropertySpecificOption;

/**
 * Compiles bundles into {@link CompiledPolicy}, once per content hash: DRL and spreadsheet tables
 * through the KIE builder, DMN through the DMN compiler, measure bindings against the plugin
 * registry. Every problem is reported with file and line, never as a stack trace.
 *
 * <p>The rule base and the DMN models are also kept by the content of the files they are built from
 * (rule files; DMN files and decision bindings), so bundles that differ only in their manifest's
 * parameters or measure settings (the candidates of a policy calibration) share them and cost no
 * KIE or DMN build. Both are immutable and thread-safe, so sharing is safe. Thread-safe.
 */
public final class PolicyCompiler {

  private static final String RESOURCES = "src/main/resources/";
  private static final AtomicLong BUILDS = new AtomicLong();

  private final RiskMeasures measures;
  private final Map<String, CompiledPolicy> cache = new ConcurrentHashMap<>();
  private final Map<String, KieBase> rulesByContent = new ConcurrentHashMap<>();
  private final Map<String, DmnModels> dmnByContent = new ConcurrentHashMap<>();

  public PolicyCompiler(RiskMeasures measures) {
    this.measures = measures;
  }

  public RiskMeasures measures() {
    return measures;
  }

  /** The compiled policy for this bundle, compiling it the first time its hash is seen. */
  public CompiledPolicy compile(PolicyBundle bundle) {
    return cache.computeIfAbsent(bundle.hash(), h -> compileUncached(bundle));
  }

  /** How many distinct bundles have been compiled (for tests and metrics). */
  public int cachedCount() {
    return cache.size();
  }

  private CompiledPolicy compileUncached(PolicyBundle bundle) {
    String ref = bundle.stamp().ref();
    // The sandbox first: a forbidden use is refused before any of the bundle's code is compiled.
    PolicySandbox.Result sandbox = PolicySandbox.inspect(bundle);
    List<CompilationProblem> problems = new ArrayList<>(sandbox.problems());
    if (!problems.isEmpty()) {
      throw new PolicyCompilationFailed(ref, problems);
    }
    List<CompiledPolicy.BoundMeasure> boundMeasures = bindMeasures(bundle, problems);
    DmnModels dmn = dmnModels(bundle, problems);
    PolicyNames.Known known = knownParameters(bundle, dmn);
    if (problems.isEmpty()) {
      problems.addAll(PolicyNames.check(sandbox.names(), known));
    }
    KieBase kieBase = problems.isEmpty() ? rules(bundle, problems) : null;
    if (problems.isEmpty()) {
      // A file the sandbox could not parse is refused even if the KIE builder can read it.
      sandbox
          .unchecked()
          .forEach(
              f ->
                  problems.add(
                      new CompilationProblem(f, 0, "cannot be checked by the policy sandbox")));
    }
    if (!problems.isEmpty()) {
      throw new PolicyCompilationFailed(ref, problems);
    }
    PolicyVocabulary vocabulary =
        PolicyNames.vocabulary(sandbox.names(), known, sandbox.ruleLocations().keySet());
    return new CompiledPolicy(
        bundle, kieBase, dmn, boundMeasures, sandbox.ruleLocations(), vocabulary);
  }

  /** The parameters rules may read: the manifest's, and what the decision tables give. */
  private static PolicyNames.Known knownParameters(PolicyBundle bundle, DmnModels dmn) {
    java.util.Set<String> position = new java.util.TreeSet<>();
    java.util.Set<String> collateral = new java.util.TreeSet<>();
    for (PolicyManifest.DecisionBinding d : bundle.manifest().decisions()) {
      (d.subject().equals("position") ? position : collateral)
          .addAll(dmn.outputNames(d.model(), d.decision()));
    }
    java.util.Set<String> measures = new java.util.TreeSet<>();
    bundle.manifest().measures().forEach(m -> measures.add(m.name()));
    return new PolicyNames.Known(
        bundle.manifest().parameters().keySet(), position, collateral, measures);
  }

  private List<CompiledPolicy.BoundMeasure> bindMeasures(
      PolicyBundle bundle, List<CompilationProblem> problems) {
    List<CompiledPolicy.BoundMeasure> bound = new ArrayList<>();
    for (PolicyManifest.MeasureBinding binding : bundle.manifest().measures()) {
      try {
        RiskMeasure measure = measures.get(binding.measure());
        MeasureParameters params =
            MeasureParameters.of(binding.settings())
                .requireOnly(measure.name(), measure.parameterNames());
        boolean active = MeasureCondition.holds(binding, bundle.manifest().parameters());
        bound.add(
            new CompiledPolicy.BoundMeasure(
                binding.name(), binding.input(), measure, params, active));
      } catch (IllegalArgumentException e) {
        problems.add(
            new CompilationProblem(
                PolicyBundle.MANIFEST, 0, "measure '" + binding.name() + "': " + e.getMessage()));
      }
    }
    return bound;
  }

  private DmnModels dmnModels(PolicyBundle bundle, List<CompilationProblem> problems) {
    List<String> files =
        bundle.manifest().decisions().stream()
            .map(PolicyManifest.DecisionBinding::model)
            .distinct()
            .sorted()
            .toList();
    String key = contentKey(bundle, files) + bundle.manifest().decisions();
    DmnModels cached = dmnByContent.get(key);
    if (cached != null) {
      return cached;
    }
    List<CompilationProblem> own = new ArrayList<>();
    DmnModels built = DmnModels.compile(bundle, own);
    if (own.isEmpty()) {
      dmnByContent.putIfAbsent(key, built);
    }
    problems.addAll(own);
    return built;
  }

  private KieBase rules(PolicyBundle bundle, List<CompilationProblem> problems) {
    String key = contentKey(bundle, bundle.manifest().rules().stream().sorted().toList());
    KieBase cached = rulesByContent.get(key);
    if (cached != null) {
      return cached;
    }
    KieBase built = compileRules(bundle, problems);
    if (built != null && problems.isEmpty()) {
      rulesByContent.putIfAbsent(key, built);
    }
    return built;
  }

  /**
   * SHA-256 over the names and bytes of {@code files} (sorted): what a build from them depends on.
   */
  private static String contentKey(PolicyBundle bundle, List<String> files) {
    java.security.MessageDigest sha = io.fulcrum.engine.support.Sha256.digest();
    for (String f : files) {
      byte[] content = bundle.files().get(f);
      sha.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(
          java.nio.ByteBuffer.allocate(8).putLong(content == null ? -1 : content.length).array());
      if (content != null) {
        sha.update(content);
      }
    }
    return io.fulcrum.engine.support.Sha256.hex(sha);
  }

  /** Builds the rule base; no sandbox check here (package-private for the run-time wall test). */
  static KieBase compileRules(PolicyBundle bundle, List<CompilationProblem> problems) {
    KieServices ks = KieServices.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    ReleaseId releaseId =
        ks.newReleaseId(
            "io.fulcrum.policy",
            bundle.manifest().id(),
            bundle.manifest().version()
                + "-"
                + bundle.hash().substring(0, 16)
                + "-"
                + BUILDS.incrementAndGet());
    kfs.generateAndWritePomXML(releaseId);
    KieModuleModel module = ks.newKieModuleModel();
    // Rules re-evaluate a fact on every modify: no property-reactive surprises for authors.
    module.setConfigurationProperty(
        PropertySpecificOption.PROPERTY_NAME, PropertySpecificOption.ALLOWED.name());
    module.newKieBaseModel("policy").setDefault(true).addPackage("*");
    kfs.writeKModuleXML(module.toXML());
    for (String file : bundle.manifest().rules()) {
      kfs.write(RESOURCES + folderOf(bundle, file) + file, bundle.files().get(file));
    }
    ClassLoader loader = new PolicyClassLoader(PolicyCompiler.class.getClassLoader());
    KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
    for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
      problems.add(
          new CompilationProblem(
              bundleFile(m.getPath()), Math.max(m.getLine(), 0), m.getText().strip()));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    KieContainer container = ks.newKieContainer(releaseId, loader);
    KieBase base = container.getKieBase();
    ks.getRepository().removeKieModule(releaseId);
    return base;
  }

  private static final java.util.regex.Pattern PACKAGE =
      java.util.regex.Pattern.compile("(?m)^\\s*(?:package\\s+|RuleSet\\s*,\\s*)([\\w.]+)");

  /** The KIE builder expects a DRL to lie in the folder of its package. */
  private static String folderOf(PolicyBundle bundle, String file) {
    if (file.endsWith(".drl") || file.endsWith(".drl.csv")) {
      var m = PACKAGE.matcher(bundle.text(file));
      if (m.find()) {
        return m.group(1).replace('.', '/') + "/";
      }
    }
    return "policy/";
  }

  private static String bundleFile(String kiePath) {
    if (kiePath == null) {
      return "(rules)";
    }
    String rel = kiePath.startsWith(RESOURCES) ? kiePath.substring(RESOURCES.length()) : kiePath;
    int slash = rel.lastIndexOf('/');
    return slash < 0 ? rel : rel.substring(slash + 1);
  }
}
