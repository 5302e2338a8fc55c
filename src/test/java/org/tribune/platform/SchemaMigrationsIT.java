package org.tribune.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.platform.control.IndexedMigrations;
import org.tribune.testsupport.TribuneDeployment;

/** Runs inside the server: the schema was migrated at start-up to the newest listed version. */
@ExtendWith(ArquillianExtension.class)
class SchemaMigrationsIT {

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Deployment
  static WebArchive deployment() {
    return TribuneDeployment.war().addClass(SchemaMigrationsIT.class);
  }

  @Test
  void everyListedMigrationIsApplied() throws Exception {
    int listed = new IndexedMigrations(getClass().getClassLoader()).names().size();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")) {
      rs.next();
      assertEquals(listed, rs.getInt(1));
    }
  }
}
