package org.tribune.testsupport;

import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base for tests that talk HTTP to the deployed service, as a client would. Arquillian starts the
 * managed Liberty server {@code tribuneIT} once per run and deploys the packaged WAR for each test
 * class. Tests own their data: create members with {@link #members()} and use unique titles.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ApiIT {

  @ArquillianResource protected URL deploymentUrl;

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return TribuneDeployment.war();
  }

  /** The service's root, e.g. http://localhost:9180/ */
  protected URI base() {
    try {
      return deploymentUrl.toURI();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An anonymous client. */
  protected ApiClient anonymous() {
    return new ApiClient(base());
  }

  protected Members members() {
    return new Members(base());
  }
}
