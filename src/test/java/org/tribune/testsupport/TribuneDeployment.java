package org.tribune.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive Arquillian deploys: the WAR that {@code mvn package} built, exactly as it ships.
 * In-container tests add their own classes to it.
 */
public final class TribuneDeployment {

  private TribuneDeployment() {}

  public static WebArchive war() {
    String path = System.getProperty("tribune.it.war", "target/tribune.war");
    File file = new File(path);
    if (!file.isFile()) {
      throw new IllegalStateException(path + " is missing: integration tests run after `package`");
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, file);
  }
}
