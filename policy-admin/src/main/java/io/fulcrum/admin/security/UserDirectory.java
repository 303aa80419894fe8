package io.fulcrum.admin.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The users who may call the service, from configuration only.
 *
 * <p>{@code fulcrum.users.file} names a properties file with one line per user: {@code name =
 * pbkdf2-sha256$...$...$... | role role}. With no users configured and {@code fulcrum.mode=demo},
 * five documented demo users are created (password = user name + "-demo"); in any other mode there
 * are then no users and every request is refused.
 *
 * <p>The users file is read again when it changes (checked at most once a second, by modification
 * time and size), so users can be added, removed or given a new password without a restart; a file
 * that no longer reads is logged and the users from before are kept. {@link #generation()} counts
 * the changes, so that remembered credentials can be dropped.
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

  private static final long RECHECK_NANOS = 1_000_000_000L;

  private volatile Map<String, User> users = Map.of();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong nextCheck = new AtomicLong();
  private volatile Optional<FileTime> fileSeen = Optional.empty();
  private volatile long sizeSeen = -1;

  @PostConstruct
  void load() {
    Map<String, User> loaded = new ConcurrentHashMap<>();
    usersFile
        .filter(f -> !f.isBlank())
        .ifPresent(
            f -> {
              Path file = Path.of(f);
              remember(file);
              loaded.putAll(readFile(file));
            });
    users = loaded;
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
    reloadIfChanged();
    return Optional.ofNullable(users.get(name));
  }

  /** Increases each time the users file is read again after a change. */
  long generation() {
    return generation.get();
  }

  private void reloadIfChanged() {
    long now = System.nanoTime();
    long due = nextCheck.get();
    if (usersFile.isEmpty()
        || now - due < 0
        || !nextCheck.compareAndSet(due, now + RECHECK_NANOS)) {
      return;
    }
    Path file = Path.of(usersFile.get());
    try {
      if (Files.getLastModifiedTime(file).equals(fileSeen.orElse(null))
          && Files.size(file) == sizeSeen) {
        return;
      }
      remember(file);
      Map<String, User> reloaded = readFile(file);
      users = reloaded;
      generation.incrementAndGet();
      LOG.info(() -> "users file changed: " + reloaded.size() + " users loaded");
    } catch (IOException | RuntimeException e) {
      LOG.warning(
          "users file "
              + file
              + " changed but cannot be read ("
              + e.getClass().getSimpleName()
              + "); keeping the users loaded before");
    }
  }

  private void remember(Path file) {
    try {
      fileSeen = Optional.of(Files.getLastModifiedTime(file));
      sizeSeen = Files.size(file);
    } catch (IOException e) {
      fileSeen = Optional.empty();
      sizeSeen = -1;
    }
  }

  private static Map<String, User> readFile(Path file) {
    Map<String, User> read = new ConcurrentHashMap<>();
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
      read.put(name, new User(name, hash, Set.copyOf(roles)));
    }
    return read;
  }

  private void add(User user) {
    Map<String, User> more = new ConcurrentHashMap<>(users);
    more.put(user.name(), user);
    users = more;
  }
}
