package org.tribune.voting.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.identity.boundary.AuditLog;
import org.tribune.identity.boundary.CurrentMember;
import org.tribune.identity.entity.MemberId;
import org.tribune.identity.entity.Roles;
import org.tribune.platform.entity.DomainException;
import org.tribune.voting.control.FlagPolicy;
import org.tribune.voting.control.IdeaVotes;
import org.tribune.voting.control.IdeaVotes.MergeResult;
import org.tribune.voting.entity.Clarification;
import org.tribune.voting.entity.Idea;
import org.tribune.voting.entity.IdeaComment;
import org.tribune.voting.entity.IdeaFlag;
import org.tribune.voting.entity.IdeaFollow;
import org.tribune.voting.entity.IdeaMerge;
import org.tribune.voting.entity.IdeaStatus;
import org.tribune.voting.entity.IdeaTally;
import org.tribune.voting.entity.IdeaText;
import org.tribune.voting.entity.ModerationDecision.Verdict;

/**
 * Everything the API and the portal do with ideas, one transaction per call. It checks who may do
 * what (anyone reads visible ideas; members submit, comment, follow and flag; authors edit;
 * community managers move, merge and moderate), lets the {@link Idea} aggregate decide, and asks
 * {@link IdeaVotes} (the only writer of votes) to open, close or merge tallies.
 *
 * <p>Calls into {@link IdeaVotes} that wait for the ingest's writer are made before this
 * transaction has written anything: the writer may need a lock on the idea row (foreign-key checks
 * of new votes), and holding it while waiting for the writer would deadlock both.
 */
@ApplicationScoped
@Transactional
public class Ideas {

  private static final Logger LOG = Logger.getLogger(Ideas.class.getName());

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  @Inject CurrentMember current;
  @Inject IdeaCatalog catalog;
  @Inject IdeaVotes votes;
  @Inject AuditLog audit;

  /** TRIBUNE_VOTING_FLAGS_TO_HIDE in the environment (docs/operations.md). */
  @Inject
  @ConfigProperty(name = "tribune.voting.flags-to-hide", defaultValue = "3")
  int flagsToHide;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Clock clock = Clock.systemUTC();
  private FlagPolicy flagPolicy;

  @PostConstruct
  void init() {
    flagPolicy = new FlagPolicy(flagsToHide);
  }

  public Page<IdeaSummary> list(IdeaQuery query) {
    return catalog.list(query, isManager());
  }

  public List<IdeaSummary> similar(String text) {
    return catalog.similar(text);
  }

  public IdeaDetail get(long id) {
    return catalog.detail(visible(id), current.id());
  }

  public IdeaDetail submit(String title, String body) {
    MemberId author = current.requireRole(Roles.MEMBER);
    Idea idea = Idea.submit(new IdeaText(title, body), author, now());
    em.persist(idea);
    em.flush();
    votes.openTally(idea.id());
    return catalog.detail(idea, current.id());
  }

  public IdeaDetail edit(long id, String title, String body) {
    MemberId editor = current.requireRole(Roles.MEMBER);
    Idea idea = visible(id);
    // Locking the tally orders this edit with the first vote: either the vote is already there
    // (the text is frozen) or it waits until the edit is committed.
    IdeaTally tally = em.find(IdeaTally.class, id, LockModeType.PESSIMISTIC_WRITE);
    idea.edit(editor, title, body, tally != null && tally.textFrozen(), now());
    em.flush();
    return catalog.detail(idea, current.id());
  }

  public IdeaDetail.ClarificationView clarify(long id, String body) {
    MemberId author = current.requireRole(Roles.MEMBER);
    Clarification clarification = visible(id).clarify(author, body, now());
    em.flush();
    return new IdeaDetail.ClarificationView(
        clarification.id(), clarification.body(), clarification.createdAt());
  }

  public IdeaDetail changeStatus(long id, IdeaStatus to, String reason, String targetBuild) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    Idea idea = find(id);
    boolean wasClosed = idea.status().closed();
    String before = idea.status().wire();
    idea.changeStatus(to, reason, targetBuild, manager, now());
    audit.record(
        manager, "idea.status", "idea", Long.toString(id), before, to.wire() + ": " + reason);
    if (to.closed() && !wasClosed) {
      votes.closeVoting(id);
      reopenIfRolledBack(id);
    } else if (!to.closed() && wasClosed) {
      votes.reopenVoting(id);
    }
    return catalog.detail(idea, current.id());
  }

  /**
   * For the releases component, inside its transaction (publishing a build): ships every idea the
   * build's changelog links to, or none. Planned and in-progress ideas step to shipped (through in
   * progress), naming the build; shipped and verified ideas (already shipped, e.g. in another
   * device's build) stay as they are; an idea in any other status refuses the whole publication
   * (422 idea-cannot-ship). All ideas are checked before anything changes, and voting on each is
   * closed before the caller's transaction writes (see the class comment); if that transaction
   * rolls back, voting reopens. The reason and audit entry are those of any status change; the
   * caller has checked its own permission. Answers the ideas that have just shipped.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Long> shipAllInBuild(List<Long> ids, String build, String reason, MemberId actor) {
    List<Idea> toShip = new java.util.ArrayList<>();
    for (long id : ids) {
      Idea idea = find(id);
      IdeaStatus status = idea.status();
      if (status == IdeaStatus.PLANNED || status == IdeaStatus.IN_PROGRESS) {
        toShip.add(idea);
      } else if (status != IdeaStatus.SHIPPED && status != IdeaStatus.VERIFIED) {
        throw DomainException.unprocessable(
                "idea-cannot-ship",
                "Idea cannot ship",
                "Idea "
                    + id
                    + " is "
                    + status.wire()
                    + "; only planned or in-progress ideas ship in a build.")
            .with("ideaId", id)
            .with("status", status.wire());
      }
    }
    for (Idea idea : toShip) {
      votes.closeVoting(idea.id());
      reopenIfRolledBack(idea.id());
    }
    Instant now = now();
    List<Long> shipped = new java.util.ArrayList<>();
    for (Idea idea : toShip) {
      IdeaStatus before = idea.status();
      if (before == IdeaStatus.PLANNED) {
        idea.changeStatus(IdeaStatus.IN_PROGRESS, reason, build, actor, now);
      }
      idea.changeStatus(IdeaStatus.SHIPPED, reason, build, actor, now);
      audit.record(
          actor,
          "idea.status",
          "idea",
          Long.toString(idea.id()),
          before.wire(),
          "shipped: " + reason);
      shipped.add(idea.id());
    }
    return shipped;
  }

  /**
   * For the releases component: enough of the idea's voters answered that the shipped build solved
   * it, so a shipped idea becomes verified. Audited with the member whose answer tipped it.
   */
  public boolean verifyByVoters(long id, String reason, MemberId actor) {
    Idea idea = find(id);
    if (idea.status() != IdeaStatus.SHIPPED) {
      return false;
    }
    idea.changeStatus(IdeaStatus.VERIFIED, reason, null, actor, now());
    audit.record(actor, "idea.status", "idea", Long.toString(id), "shipped", "verified: " + reason);
    return true;
  }

  /** The idea's title and status, for other components that show ideas they link to. */
  public LinkedIdea linked(long id) {
    Idea idea = find(id);
    return new LinkedIdea(idea.id(), idea.title(), idea.status().wire());
  }

  /** An idea as another component shows a link to it. */
  public record LinkedIdea(long id, String title, String status) {}

  public MergeResult merge(long id, long intoId, String reason) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    Idea from = find(id);
    Idea into = em.find(Idea.class, intoId);
    if (into == null) {
      throw DomainException.invalid("into", "idea " + intoId + " does not exist");
    }
    Instant now = now();
    from.mergeInto(into, reason, manager, now);
    MergeResult result = votes.merge(id, intoId);
    audit.record(
        manager,
        "idea.merge",
        "idea",
        Long.toString(id),
        "open",
        "duplicate of "
            + intoId
            + " (moved "
            + result.moved()
            + ", dropped "
            + result.dropped()
            + "): "
            + reason);
    em.persist(
        new IdeaMerge(id, intoId, result.moved(), result.dropped(), reason.strip(), manager, now));
    warnIfRolledBack(id, intoId, result);
    return result;
  }

  public Page<CommentView> comments(long id, int limit, int offset) {
    visible(id);
    return catalog.comments(id, limit, offset);
  }

  public CommentView comment(long id, String body) {
    MemberId author = current.requireRole(Roles.MEMBER);
    visible(id);
    IdeaComment comment = new IdeaComment(id, author, body, now());
    em.persist(comment);
    em.flush();
    return catalog.comment(comment);
  }

  public void follow(long id) {
    MemberId member = current.requireRole(Roles.MEMBER);
    visible(id);
    if (em.find(IdeaFollow.class, IdeaFollow.key(member, id)) == null) {
      em.persist(new IdeaFollow(member, id, now()));
    }
  }

  public void unfollow(long id) {
    MemberId member = current.requireRole(Roles.MEMBER);
    visible(id);
    IdeaFollow follow = em.find(IdeaFollow.class, IdeaFollow.key(member, id));
    if (follow != null) {
      em.remove(follow);
    }
  }

  /**
   * Records a member's flag and hides the idea when the flag policy says so. The idea row is locked
   * so that concurrent flags are counted one after the other and the Nth always hides.
   */
  public FlagReceipt flag(long id, String reason) {
    MemberId member = current.requireRole(Roles.MEMBER);
    Idea idea = em.find(Idea.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (idea == null || (idea.hidden() && !isManager())) {
      throw DomainException.notFound("Idea", id);
    }
    if (em.find(IdeaFlag.class, IdeaFlag.key(member, id)) != null) {
      throw DomainException.conflict(
          "already-flagged", "Already flagged", "You have already flagged idea " + id + ".");
    }
    IdeaFlag flag = new IdeaFlag(member, id, reason, now());
    em.persist(flag);
    em.flush();
    if (flagPolicy.hides(catalog.pendingFlags(id))) {
      idea.hidePendingReview(now());
    }
    return new FlagReceipt(id, flag.reason(), flag.createdAt());
  }

  public Page<FlaggedIdea> flagged(int limit, int offset) {
    current.requireRole(Roles.COMMUNITY_MANAGER);
    return catalog.flagged(limit, offset);
  }

  /**
   * A moderator's decision: restore the idea or keep it hidden. Either way its pending flags are
   * reviewed, so they no longer count towards hiding it, and the decision is kept with its reason.
   */
  public IdeaDetail moderate(long id, Verdict verdict, String reason) {
    MemberId manager = current.requireRole(Roles.COMMUNITY_MANAGER);
    Idea idea = find(id);
    Instant now = now();
    boolean hiddenBefore = idea.hidden();
    em.persist(idea.moderate(verdict, reason, manager, now));
    audit.record(
        manager,
        "idea.moderate",
        "idea",
        Long.toString(id),
        hiddenBefore ? "hidden" : "visible",
        (idea.hidden() ? "hidden" : "visible") + ": " + reason);
    em.createQuery(
            "SELECT f FROM IdeaFlag f WHERE f.ideaId = :id AND f.reviewedAt IS NULL",
            IdeaFlag.class)
        .setParameter("id", id)
        .getResultList()
        .forEach(f -> f.markReviewed(now));
    em.flush();
    return catalog.detail(idea, current.id());
  }

  private Idea find(long id) {
    Idea idea = em.find(Idea.class, id);
    if (idea == null) {
      throw DomainException.notFound("Idea", id);
    }
    return idea;
  }

  /** The idea if the caller may see it; a hidden idea is "not found" except for managers. */
  private Idea visible(long id) {
    Idea idea = find(id);
    if (idea.hidden() && !isManager()) {
      throw DomainException.notFound("Idea", id);
    }
    return idea;
  }

  private boolean isManager() {
    return current.has(Roles.COMMUNITY_MANAGER);
  }

  private Instant now() {
    return clock.instant();
  }

  /**
   * Closing voting commits in the writer's own transaction before the status change commits. If the
   * status change then fails (say, a concurrent update), voting is opened again so the idea is not
   * left open but unvotable. The refunds stay refunded; the members keep their budget.
   */
  private void reopenIfRolledBack(long id) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              try {
                votes.reopenVoting(id);
              } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not reopen voting on idea " + id, e);
              }
            }
          }
        });
  }

  /** A merge of votes cannot be undone automatically; if the idea's side fails, say so loudly. */
  private void warnIfRolledBack(long from, long into, MergeResult result) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              LOG.severe(
                  "Votes of idea "
                      + from
                      + " were merged into idea "
                      + into
                      + " ("
                      + result
                      + ") but marking the idea duplicate was rolled back; retry the merge.");
            }
          }
        });
  }
}
