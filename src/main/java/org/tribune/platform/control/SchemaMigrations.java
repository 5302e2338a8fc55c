package org.tribune.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest version at start-up. The SQL under {@code db/migration} is
 * written once for both Derby and PostgreSQL (portable types, identity columns, no vendor
 * functions), so one migration history serves the embedded default and production.
 *
 * <p>The two large-object types are the one place the dialects differ; migrations write them as the
 * placeholders {@code ${clob}} (Derby {@code CLOB}, PostgreSQL {@code TEXT}) and {@code ${blob}}
 * (Derby {@code BLOB}, PostgreSQL {@code BYTEA}).
 */
public final class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  private SchemaMigrations() {}

  public static MigrateResult migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .resourceProvider(new IndexedMigrations(SchemaMigrations.class.getClassLoader()))
            // No Java migrations and no callbacks: nothing for Flyway's class-path scanner to
            // look for (it cannot list folders on Liberty and would log errors trying).
            .javaMigrationClassProvider(List::of)
            .skipDefaultCallbacks(true)
            // Components are built in parallel and their migrations may land in any order; a
            // database that already has a later version still takes an earlier one it lacks.
            .outOfOrder(true)
            .placeholders(largeObjectTypes(dataSource))
            .load();
    MigrateResult result = flyway.migrate();
    LOG.info(
        () ->
            "Schema at version "
                + flyway.info().current().getVersion()
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
    return result;
  }

  static Map<String, String> largeObjectTypes(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return largeObjectTypes(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database product", e);
    }
  }

  static Map<String, String> largeObjectTypes(String databaseProduct) {
    boolean postgres = databaseProduct.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    return postgres
        ? Map.of("clob", "TEXT", "blob", "BYTEA")
        : Map.of("clob", "CLOB", "blob", "BLOB");
  }
}
