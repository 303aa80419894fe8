package io.fulcrum.cli;

import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompilationFailed;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.policy.PolicySource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fulcrum policies}: every bundle in the library with version, content hash and title. */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    description = "List policy bundles with their versions and content hashes.")
public final class PoliciesCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private LibraryOption library;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    PolicySource lib = library.library();
    out.printf("%-22s %-8s %-64s %s%n", "POLICY", "VERSION", "SHA-256", "TITLE");
    for (String id : lib.ids()) {
      for (String version : lib.versions(id)) {
        try {
          PolicyBundle b = lib.load(PolicyRef.of(id, version));
          out.printf("%-22s %-8s %-64s %s%n", id, version, b.hash(), b.manifest().title());
        } catch (PolicyCompilationFailed e) {
          out.printf("%-22s %-8s %-64s %s%n", id, version, "(invalid bundle)", e.problems().get(0));
        }
      }
    }
    out.flush();
    return FulcrumCli.OK;
  }
}
