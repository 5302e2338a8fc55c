package org.tribune.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.tribune.ingest.control.VoteIngest;
import org.tribune.platform.control.SchemaMigrations;

/** Start-up, in the order it must happen: schema first, then whatever writes to it. */
@ApplicationScoped
public class Bootstrap {

  @Resource(lookup = "jdbc/tribune")
  DataSource dataSource;

  @Inject VoteIngest voteIngest;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    SchemaMigrations.migrate(dataSource);
    voteIngest.start();
  }
}
