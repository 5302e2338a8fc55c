package org.tribune.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

  @Test
  void derbyTakesClobAndBlob() {
    assertEquals(
        Map.of("clob", "CLOB", "blob", "BLOB"), SchemaMigrations.largeObjectTypes("Apache Derby"));
  }

  @Test
  void postgresTakesTextAndBytea() {
    assertEquals(
        Map.of("clob", "TEXT", "blob", "BYTEA"), SchemaMigrations.largeObjectTypes("PostgreSQL"));
  }
}
