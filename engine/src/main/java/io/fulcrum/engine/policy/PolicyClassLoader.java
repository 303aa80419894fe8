package io.fulcrum.engine.policy;

import java.io.InputStream;
import java.net.URL;
import java.util.Set;

/**
 * The run-time wall: the parent of the class loader that compiles and loads a policy's generated
 * Java (consequences, {@code eval}s, functions). It hands out only the types of {@link
 * PolicyAllowList}, the few JDK types compiled Java cannot do without ({@link #PLUMBING}) and the
 * rule engine's own packages that the generated classes call into; every other JDK class (files,
 * network, processes, threads, reflection, class loading, {@code System}, {@code Runtime}) is
 * neither visible to the Java compiler (class files are read through {@link #getResource}) nor
 * linkable by a loaded policy class ({@link #loadClass}): using one fails to compile, or fails with
 * {@link NoClassDefFoundError} when the policy code runs.
 *
 * <p>What it does not stop: constraints, which Drools evaluates with MVEL by reflection (until it
 * compiles a frequently used one), never link classes through a loader. For them the compile-time
 * check ({@link PolicySandbox}) is the wall. DMN models get this loader too, so a FEEL external
 * function cannot load its class even if it passed the check.
 */
final class PolicyClassLoader extends ClassLoader {

  /**
   * JDK types compiled classes need: supertypes of the allowed types, string concatenation, boxing,
   * exceptions. {@code java.lang.Class} is here because the field accessors Drools generates for
   * every pattern are loaded by the same loader and use it; what a class object leads to (methods,
   * fields, constructors, class loaders) is not visible, and {@code Class.forName} resolves through
   * this loader.
   */
  static final Set<String> PLUMBING =
      Set.of(
          "java.lang.Object",
          "java.lang.Class",
          "java.lang.String",
          "java.lang.CharSequence",
          "java.lang.Comparable",
          "java.lang.Number",
          "java.lang.Enum",
          "java.lang.Iterable",
          "java.lang.Void",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Float",
          "java.lang.Throwable",
          "java.lang.Exception",
          "java.lang.RuntimeException",
          "java.lang.Error",
          "java.lang.StringBuilder",
          "java.lang.AbstractStringBuilder",
          "java.lang.invoke.StringConcatFactory",
          "java.io.Serializable",
          "java.lang.constant.Constable",
          "java.lang.constant.ConstantDesc",
          "io.fulcrum.engine.runtime.TableParameters");

  /** The rule engine's packages: generated classes implement and call its interfaces. */
  private static final String[] ENGINE_PACKAGES = {"org.drools.", "org.kie.", "org.mvel2."};

  PolicyClassLoader(ClassLoader parent) {
    super("fulcrum-policy", parent);
  }

  /** Whether compiled policy code may see and link the class of this binary name. */
  static boolean visible(String name) {
    if (PolicyAllowList.typeNames().contains(name) || PLUMBING.contains(name)) {
      return true;
    }
    for (String p : ENGINE_PACKAGES) {
      if (name.startsWith(p)) {
        return true;
      }
    }
    // Nested classes of visible types (e.g. Map.Entry) are not visible unless listed.
    return false;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!visible(name)) {
      throw new ClassNotFoundException(name + " is not available to policy code");
    }
    return super.loadClass(name, resolve);
  }

  @Override
  public URL getResource(String name) {
    return visibleResource(name) ? super.getResource(name) : null;
  }

  @Override
  public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
    return visibleResource(name)
        ? super.getResources(name)
        : java.util.Collections.emptyEnumeration();
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    return visibleResource(name) ? super.getResourceAsStream(name) : null;
  }

  /** Class files only of visible classes; other resources (KIE configuration) as usual. */
  private static boolean visibleResource(String name) {
    if (!name.endsWith(".class")) {
      return !name.startsWith("java/") && !name.startsWith("javax/");
    }
    return visible(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
  }
}
