package org.tribune.releases.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.releases.entity.Build;
import org.tribune.voting.boundary.Ideas;
import org.tribune.voting.control.IdeaVotes;

/**
 * Publishing a build closes the loop with the ideas it ships, in one transaction: the build is
 * checked, every linked idea is checked and shipped (or the whole publication is refused), the
 * build is stored, and the voters of each idea that has just shipped get the "did this solve it?"
 * prompt. Either all of it commits or none of it does.
 *
 * <p>The order matters: shipping an idea closes its voting, which waits for the vote writer, and
 * the writer may need locks on the idea rows; so the ideas are shipped before this transaction
 * writes anything (the build is stored after), and voting reopens if the transaction rolls back.
 */
@ApplicationScoped
@Transactional
public class Publishing {

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
      Integer earlyAccessHours,
      List<Build.Line> lines) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    Build build =
        builds.prepare(deviceId, version, releaseAt, steps, days, earlyAccessHours, lines);
    String label = build.buildVersion();
    List<Long> shipped =
        ideas.shipAllInBuild(
            Builds.linkedIdeas(build), label, "Shipped in build " + label + ".", manager);
    long id = builds.store(build);
    for (long ideaId : shipped) {
      prompts.ask(ideaVotes.votersOf(ideaId), ideaId, id);
    }
    return builds.view(id);
  }
}
