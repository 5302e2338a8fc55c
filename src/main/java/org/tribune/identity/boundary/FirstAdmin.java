package org.tribune.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribune.platform.boundary.Bootstrap;

/** At start-up, once the schema is migrated: the configured first admin (see {@link Accounts}). */
@ApplicationScoped
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  @Inject Accounts accounts;

  void onStart(
      @Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class)
          Object event) {
    try {
      accounts.ensureFirstAdmin();
    } catch (RuntimeException e) {
      // Several instances starting on an empty database race to create the admin; the unique
      // email lets one win. The others must still start.
      LOG.log(Level.WARNING, "Could not create the first admin (another instance may have)", e);
    }
  }
}
