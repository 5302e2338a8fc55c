package org.tribune.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import javax.sql.DataSource;
import org.tribune.platform.control.SchemaMigrations;

/**
 * Brings the schema up to date before anything else starts. Components that need the database at
 * start-up observe the same event with a later priority ({@link #SCHEMA_READY} or after), so the
 * platform does not need to know them.
 */
@ApplicationScoped
public class Bootstrap {

  /** Observers of application start-up at this priority or later see a migrated schema. */
  public static final int SCHEMA_READY = Interceptor.Priority.PLATFORM_BEFORE + 100;

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  void migrate(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object event) {
    SchemaMigrations.migrate(dataSource);
  }
}
