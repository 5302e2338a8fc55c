package org.tribune.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.tribune.identity.boundary.Accounts;
import org.tribune.platform.control.SchemaMigrations;

@ApplicationScoped
public class Bootstrap {
  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Inject Accounts accounts;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    SchemaMigrations.migrate(dataSource);
    accounts.ensureFirstAdmin();
  }
}
