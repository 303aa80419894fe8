package io.fulcrum.admin.application;

import io.fulcrum.engine.transparency.Checkpoint;
import io.fulcrum.engine.transparency.NoteKeys;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs checkpoints of the decision log: when {@code fulcrum.audit.checkpoint.records} leaves
 * (default 1,000) have been added since the last checkpoint, or {@code
 * fulcrum.audit.checkpoint.interval} (default 10 s) has passed and the tree grew, checked every
 * second. The Ed25519 key is the signed-note signer key in the file {@code
 * fulcrum.audit.signing-key}; in demo mode a missing file is created with a new key (and with no
 * file configured, {@code ~/.fulcrum/audit-signing.key}). Outside demo mode with no key nothing is
 * signed and the checkpoint endpoint says so.
 */
@ApplicationScoped
public class CheckpointSigner {

  private static final Logger LOG = Logger.getLogger(CheckpointSigner.class.getName());

  @Inject MerkleLog log;

  @Inject
  @ConfigProperty(name = "fulcrum.audit.signing-key")
  Optional<String> keyFile;

  @Inject
  @ConfigProperty(name = "fulcrum.audit.origin", defaultValue = "fulcrum.local/decision-log")
  String origin;

  @Inject
  @ConfigProperty(name = "fulcrum.mode", defaultValue = "production")
  String mode;

  @Inject
  @ConfigProperty(name = "fulcrum.audit.checkpoint.records", defaultValue = "1000")
  long everyRecords;

  @Inject
  @ConfigProperty(name = "fulcrum.audit.checkpoint.interval", defaultValue = "PT10S")
  String interval;

  @Resource ManagedScheduledExecutorService scheduler;

  private volatile NoteKeys.Signer signer;
  private volatile String keyProblem = "not started";
  private ScheduledFuture<?> task;

  /** After {@link Startup} has initialised the chain: load the key, catch up, start signing. */
  void onStart(
      @Observes
          @Priority(Interceptor.Priority.APPLICATION + 600)
          @Initialized(ApplicationScoped.class)
          Object event) {
    try {
      signer = loadKey();
      keyProblem = null;
      LOG.info(() -> "decision log verifier key: " + signer.verifier().encode());
    } catch (RuntimeException e) {
      keyProblem = e.getMessage();
      LOG.severe("checkpoints are not signed: " + keyProblem);
    }
    log.catchUp();
    signIfDue();
    if (scheduler != null) {
      task = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void tick() {
    try {
      signIfDue();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "signing a checkpoint failed; retried in a second", e);
    }
  }

  /** Signs with {@code key} from now on (tests). */
  void useKey(NoteKeys.Signer key) {
    signer = key;
    keyProblem = null;
  }

  /** The verifier key line, if checkpoints are signed. */
  public Optional<NoteKeys.Verifier> verifier() {
    return Optional.ofNullable(signer).map(NoteKeys.Signer::verifier);
  }

  /** Why checkpoints are not signed (no key), or null when they are. */
  public String keyProblem() {
    return keyProblem;
  }

  /** Signs a checkpoint of the current tree when one is due by count or age; returns it if so. */
  public Optional<SignedCheckpoint> signIfDue() {
    Optional<SignedCheckpoint> last = log.latestCheckpoint();
    MerkleLog.TreeHead head = log.treeHead();
    long lastSize = last.map(SignedCheckpoint::treeSize).orElse(-1L);
    boolean due =
        head.size() > lastSize
            && (last.isEmpty()
                || head.size() - lastSize >= everyRecords
                || !last.get().signedAt().plus(Duration.parse(interval)).isAfter(Instant.now()));
    return due ? sign(head) : Optional.empty();
  }

  /** Signs a checkpoint of the current tree now, unless one of this size exists. */
  public Optional<SignedCheckpoint> signNow() {
    MerkleLog.TreeHead head = log.treeHead();
    Optional<SignedCheckpoint> last = log.latestCheckpoint();
    if (last.isPresent() && last.get().treeSize() >= head.size()) {
      return last;
    }
    return sign(head);
  }

  private Optional<SignedCheckpoint> sign(MerkleLog.TreeHead head) {
    NoteKeys.Signer key = signer;
    if (key == null) {
      return Optional.empty();
    }
    String note =
        new Checkpoint(key.name(), head.size(), HexFormat.of().parseHex(head.rootHash())).sign(key);
    SignedCheckpoint checkpoint =
        new SignedCheckpoint(
            head.size(), head.rootHash(), note, Instant.now().truncatedTo(ChronoUnit.MICROS));
    try {
      return log.store(checkpoint) ? Optional.of(checkpoint) : Optional.empty();
    } catch (RuntimeException e) {
      // Another instance signed this size at the same moment: theirs stands.
      LOG.fine(() -> "checkpoint " + head.size() + " already stored: " + e.getMessage());
      return Optional.empty();
    }
  }

  private NoteKeys.Signer loadKey() {
    boolean demo = "demo".equals(mode);
    Optional<Path> configured = keyFile.filter(f -> !f.isBlank()).map(Path::of);
    if (configured.isEmpty() && !demo) {
      throw new IllegalStateException(
          "no signing key configured: set fulcrum.audit.signing-key to a file holding a"
              + " signed-note signer key (PRIVATE+KEY+...)");
    }
    Path file =
        configured.orElse(
            Path.of(System.getProperty("user.home"), ".fulcrum", "audit-signing.key"));
    if (!Files.exists(file)) {
      if (!demo) {
        throw new IllegalStateException("signing key file " + file + " does not exist");
      }
      createDemoKey(file);
    }
    NoteKeys.Signer key;
    try {
      key = NoteKeys.parseSigner(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read signing key file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("signing key file " + file + ": " + e.getMessage(), e);
    }
    return key;
  }

  private void createDemoKey(Path file) {
    NoteKeys.Signer key = NoteKeys.generate(origin, new SecureRandom());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "audit-key", ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      Files.writeString(temp, key.encode() + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temp, file); // fails if another process created it meanwhile: use theirs
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the demo signing key " + file, e);
    }
    LOG.warning(
        "demo mode: created a new checkpoint signing key in "
            + file
            + "; never use demo mode in production");
  }
}
