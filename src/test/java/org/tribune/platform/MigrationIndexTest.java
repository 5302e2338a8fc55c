package org.tribune.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tribune.platform.control.IndexedMigrations;

class MigrationIndexTest {

  @Test
  void indexListsExactlyTheMigrationFilesInVersionOrder() throws IOException {
    Path folder = Path.of("src/main/resources", IndexedMigrations.FOLDER);
    try (Stream<Path> files = Files.list(folder)) {
      var onDisk =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".sql"))
              .sorted((a, b) -> Integer.compare(version(a), version(b)))
              .toList();
      assertEquals(onDisk, new IndexedMigrations(getClass().getClassLoader()).names());
    }
  }

  private static int version(String name) {
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }
}
