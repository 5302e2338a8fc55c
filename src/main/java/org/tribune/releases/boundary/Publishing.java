package org.tribune.releases.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.releases.entity.Build;
import org.tribune.voting.boundary.Ideas;
import org.tribune.voting.control.IdeaVotes;
import org.tribune.voting.entity.IdeaStatus;

/**
 * Publishing a build closes the loop with the ideas it ships: the build is stored (one
 * transaction), then each linked idea steps to shipped (its own transaction, because closing an
 * idea's voting waits for the vote writer and must not hold this build's locks), then the idea's
 * voters get the "did this solve it?" prompt. Deliberately not one transaction: a failure after the
 * build is stored is logged and leaves a published build whose remaining ideas a manager can ship
 * by hand, rather than a build that vanishes.
 */
@ApplicationScoped
public class Publishing {

  private static final Logger LOG = Logger.getLogger(Publishing.class.getName());

  @Inject Builds builds;
  @Inject Ideas ideas;
  @Inject IdeaVotes ideaVotes;
  @Inject ShipPrompts prompts;
  @Inject CurrentMember current;

  public BuildView publish(
      long deviceId,
      String version,
      Instant releaseAt,
      String steps,
      Integer days,
      List<Build.Line> lines) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    long id = builds.create(deviceId, version, releaseAt, steps, days, lines);
    String label = version.strip();
    for (long ideaId : builds.linkedIdeas(id)) {
      try {
        IdeaStatus status =
            ideas.shipInBuild(ideaId, label, "Shipped in build " + label + ".", manager);
        if (status == IdeaStatus.SHIPPED) {
          prompts.ask(ideaVotes.votersOf(ideaId), ideaId, id);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Build " + id + " published, but idea " + ideaId + " not shipped", e);
      }
    }
    return builds.view(id);
  }
}
