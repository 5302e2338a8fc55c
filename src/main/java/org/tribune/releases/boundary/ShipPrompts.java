package org.tribune.releases.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.releases.control.ReleaseSettings;
import org.tribune.releases.entity.Build;
import org.tribune.releases.entity.ShipPrompt;
import org.tribune.voting.boundary.Ideas;

/**
 * The "did this solve it?" inbox: voters of a shipped idea are asked, answer yes or no (and may
 * change their answer), and once at least the configured number said yes, and more said yes than
 * no, the idea becomes verified.
 */
@ApplicationScoped
@Transactional
public class ShipPrompts {

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject CurrentMember current;
  @Inject ReleaseSettings settings;
  @Inject Ideas ideas;
  @Inject Builds builds;

  public record PromptView(
      long id,
      IdeaRef idea,
      BuildRef build,
      Instant createdAt,
      Boolean solved,
      Instant answeredAt,
      long yes,
      long no) {}

  public record IdeaRef(long id, String title, String status) {}

  public record BuildRef(long id, String version, String device) {}

  /** Asks each voter once per idea. */
  public void ask(List<MemberId> voters, long ideaId, long buildId) {
    Instant now = settings.clock().instant();
    for (MemberId voter : voters) {
      long asked =
          em.createQuery(
                  "SELECT COUNT(p) FROM ShipPrompt p WHERE p.memberId = :m AND p.ideaId = :i",
                  Long.class)
              .setParameter("m", voter.value())
              .setParameter("i", ideaId)
              .getSingleResult();
      if (asked == 0) {
        em.persist(new ShipPrompt(voter, ideaId, buildId, now));
      }
    }
  }

  public List<PromptView> mine() {
    MemberId member = current.requireRole(Roles.MEMBER);
    return em
        .createQuery(
            "SELECT p FROM ShipPrompt p WHERE p.memberId = :m ORDER BY p.createdAt DESC, p.id DESC",
            ShipPrompt.class)
        .setParameter("m", member.value())
        .setMaxResults(100)
        .getResultList()
        .stream()
        .map(this::view)
        .toList();
  }

  public PromptView answer(long id, boolean solved) {
    MemberId member = current.requireRole(Roles.MEMBER);
    ShipPrompt prompt = em.find(ShipPrompt.class, id);
    if (prompt == null || !prompt.belongsTo(member)) {
      throw DomainException.notFound("Prompt", id);
    }
    prompt.answer(solved, settings.clock().instant());
    em.flush();
    long[] answers = builds.answers(prompt.ideaId());
    if (answers[0] >= settings.verifyYesAnswers() && answers[0] > answers[1]) {
      Build build = builds.find(prompt.buildId());
      ideas.verifyByVoters(
          prompt.ideaId(),
          answers[0]
              + " of "
              + (answers[0] + answers[1])
              + " voters who answered said build "
              + build.buildVersion()
              + " solved it.",
          member);
    }
    return view(prompt);
  }

  private PromptView view(ShipPrompt p) {
    Ideas.LinkedIdea idea = ideas.linked(p.ideaId());
    Build build = builds.find(p.buildId());
    long[] answers = builds.answers(p.ideaId());
    return new PromptView(
        p.id(),
        new IdeaRef(idea.id(), idea.title(), idea.status()),
        new BuildRef(build.id(), build.buildVersion(), builds.device(build.deviceId()).name()),
        p.createdAt(),
        p.solved(),
        p.answeredAt(),
        answers[0],
        answers[1]);
  }
}
