package org.tribune.ledger.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.tribune.ledger.control.LedgerLog;
import org.tribune.ledger.control.NoteSigner;
import org.tribune.ledger.control.NoteVerifier;
import org.tribune.ledger.control.SigningKeys;
import org.tribune.platform.boundary.Bootstrap;

/**
 * The log's signing key, settled at start-up (docs/operations.md, "Ledger signing key"):
 *
 * <ul>
 *   <li>{@code tribune.ledger.signing-key} (env {@code TRIBUNE_LEDGER_SIGNING_KEY}): a C2SP signer
 *       key {@code PRIVATE+KEY+<origin>+<hex key id>+<base64(0x01 || 32-byte Ed25519 seed)>}. Set
 *       the same value on every instance that shares the database.
 *   <li>otherwise the key in {@code <tribune.data.dir>/ledger-signing-key}, generated on first
 *       start (same format, file mode 600).
 *   <li>{@code tribune.ledger.origin} (default {@code tribune.example/ledger}): the log's name, the
 *       checkpoint's first line and the key's name.
 * </ul>
 *
 * <p>The first instance records its verifier key in the database; an instance that starts with a
 * different key refuses to start, because checkpoints signed by two keys would confuse every
 * verifier.
 */
@ApplicationScoped
public class LedgerKey {

  public static final String DEFAULT_ORIGIN = "tribune.example/ledger";

  private static final Logger LOG = Logger.getLogger(LedgerKey.class.getName());

  @Inject Config config;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  private volatile NoteSigner signer;

  void start(
      @Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class)
          Object event) {
    signer();
  }

  /** The signer, settling the key on first use. */
  public NoteSigner signer() {
    NoteSigner settled = signer;
    if (settled == null) {
      synchronized (this) {
        if (signer == null) {
          signer = settle();
        }
        settled = signer;
      }
    }
    return settled;
  }

  public NoteVerifier verifier() {
    return signer().verifier();
  }

  private NoteSigner settle() {
    String origin =
        config.getOptionalValue("tribune.ledger.origin", String.class).orElse(DEFAULT_ORIGIN);
    Optional<String> configured =
        config.getOptionalValue("tribune.ledger.signing-key", String.class);
    Path dataDir =
        Path.of(
            config
                .getOptionalValue("tribune.data.dir", String.class)
                .orElse(System.getProperty("user.home") + "/.tribune/data"));
    NoteSigner resolved = SigningKeys.resolve(configured, origin, dataDir);
    String mine = resolved.verifier().verifierKey();
    String recorded;
    try (Connection c = dataSource.getConnection()) {
      recorded = new LedgerLog(Clock.systemUTC()).recordVerifierKey(c, mine);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the ledger's verifier key", e);
    }
    if (!recorded.equals(mine)) {
      throw new IllegalStateException(
          "The ledger in this database is signed by "
              + recorded
              + ", but this instance has the key "
              + mine
              + (configured.isPresent()
                  ? " from tribune.ledger.signing-key"
                  : " from " + dataDir.resolve(SigningKeys.FILE_NAME))
              + ". Give every instance the log's signer key in TRIBUNE_LEDGER_SIGNING_KEY.");
    }
    LOG.info(() -> "Ledger " + origin + " signs with the verifier key " + mine);
    return resolved;
  }
}
