package org.tribune.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.tribune.platform.control.SchemaMigrations;

@ApplicationScoped
public class Bootstrap {
  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    SchemaMigrations.migrate(dataSource);
  }
}
