package io.fulcrum.admin.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The users who may call the service, from configuration only.
 *
 * <p>{@code fulcrum.users.file} names a properties file with one line per user: {@code name =
 * pbkdf2-sha256$...$...$... | role role}. With no users configured and {@code fulcrum.mode=demo},
 * five documented demo users are created (password = user name + "-demo"); in any other mode there
 * are then no users and every request is refused.
 */
@ApplicationScoped
public class UserDirectory {

  private static final Logger LOG = Logger.getLogger(UserDirectory.class.getName());

  /** A configured user: password hash and roles. */
  record User(String name, String passwordHash, Set<String> roles) {}

  @Inject
  @ConfigProperty(name = "fulcrum.users.file")
  Optional<String> usersFile;

  @Inject
  @ConfigProperty(name = "fulcrum.mode", defaultValue = "production")
  String mode;

  private final Map<String, User> users = new ConcurrentHashMap<>();

  @PostConstruct
  void load() {
    usersFile.filter(f -> !f.isBlank()).ifPresent(f -> readFile(Path.of(f)));
    if (users.isEmpty() && "demo".equals(mode)) {
      for (String role : Roles.ALL) {
        add(new User(role, PasswordHashes.hash((role + "-demo").toCharArray()), Set.of(role)));
      }
      // Both policy roles: shows that four eyes hold even for someone allowed to write and approve.
      add(
          new User(
              "lead",
              PasswordHashes.hash("lead-demo".toCharArray()),
              Set.of(Roles.AUTHOR, Roles.APPROVER)));
      LOG.warning(
          "demo mode: created demo users decider, auditor, author, approver and lead (author + approver),"
              + " password <user>-demo;"
              + " never use demo mode in production");
    } else if (users.isEmpty()) {
      LOG.warning(
          "no users configured (fulcrum.users.file): every request will be refused with 401");
    } else {
      LOG.info(() -> users.size() + " users loaded");
    }
  }

  Optional<User> find(String name) {
    return Optional.ofNullable(users.get(name));
  }

  private void readFile(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read users file " + file + ": " + e.getMessage(), e);
    }
    for (String name : p.stringPropertyNames()) {
      String[] parts = p.getProperty(name).split("\\|", 2);
      String hash = parts[0].trim();
      PasswordHashes.checkFormat(name, hash);
      Set<String> roles =
          new LinkedHashSet<>(
              parts.length < 2
                  ? Set.of()
                  : Arrays.stream(parts[1].trim().split("[\\s,]+"))
                      .filter(s -> !s.isEmpty())
                      .toList());
      if (!Roles.ALL.containsAll(roles)) {
        throw new IllegalArgumentException(
            "user '"
                + name
                + "' in "
                + file
                + " has roles "
                + roles
                + " but the known roles are "
                + Roles.ALL);
      }
      add(new User(name, hash, Set.copyOf(roles)));
    }
  }

  private void add(User user) {
    users.put(user.name(), user);
  }
}
