package org.tribune.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Lists the migrations from {@code db/migration/index.txt} instead of scanning the class path.
 * Flyway's scanner cannot list a directory inside an application deployed on Liberty (its class
 * loaders hand out URLs it does not understand), so the migrations name themselves; a unit test
 * keeps the index equal to the directory.
 */
public final class IndexedMigrations implements ResourceProvider {

  public static final String FOLDER = "db/migration";

  private final ClassLoader loader;
  private final List<String> names;

  public IndexedMigrations(ClassLoader loader) {
    this.loader = loader;
    this.names = readIndex(loader);
  }

  public List<String> names() {
    return names;
  }

  @Override
  public LoadableResource getResource(String name) {
    return names.contains(name) ? new Migration(name) : null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return names.stream()
        .filter(n -> n.startsWith(prefix))
        .filter(n -> Arrays.stream(suffixes).anyMatch(n::endsWith))
        .<LoadableResource>map(Migration::new)
        .toList();
  }

  private static List<String> readIndex(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(FOLDER + "/index.txt")) {
      if (in == null) {
        throw new IllegalStateException(FOLDER + "/index.txt is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Migration extends LoadableResource {
    private final String name;

    Migration(String name) {
      this.name = name;
    }

    @Override
    public Reader read() {
      InputStream in = loader.getResourceAsStream(FOLDER + "/" + name);
      if (in == null) {
        throw new IllegalStateException("Migration " + name + " is listed but missing");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return FOLDER + "/" + name;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getRelativePath() {
      return name;
    }
  }
}
