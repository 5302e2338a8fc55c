package org.tribune.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.tribune.platform.boundary.Bootstrap;

/** At start-up, once the schema is migrated: the configured first admin (see {@link Accounts}). */
@ApplicationScoped
public class FirstAdmin {

  @Inject Accounts accounts;

  void onStart(
      @Observes @Priority(Bootstrap.SCHEMA_READY) @Initialized(ApplicationScoped.class)
          Object event) {
    accounts.ensureFirstAdmin();
  }
}
