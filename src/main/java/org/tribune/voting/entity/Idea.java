package org.tribune.voting.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.DomainException.FieldError;
import org.tribune.platform.entity.InstantColumn;
import org.tribune.voting.entity.ModerationDecision.Verdict;

/**
 * A feature idea, the aggregate root of voting.
 *
 * <p>Life cycle: an idea is submitted {@code open}; a community manager moves it through the
 * statuses that {@link IdeaLifecycle} allows, always with a reason that becomes part of its public
 * {@link #history()}; it ends {@code verified}, {@code declined} or {@code duplicate} (merged into
 * another idea). Votes are not part of the aggregate: the vote ingest owns them and their tally,
 * and the idea only reads the tally.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>The title (5–140) and body (10–8000) are valid, and {@code search_text} always matches
 *       them.
 *   <li>Only the author edits the text, and only before the first vote was ever cast: voters must
 *       keep seeing what they voted for. After that the author appends {@link Clarification}s.
 *   <li>Every status change has a reason and a history row; {@code planned} has a target build.
 *   <li>A {@code duplicate} points to the open idea it was merged into, never to another duplicate,
 *       so following {@code mergedInto} takes one step.
 *   <li>A hidden idea (flagged, pending review or kept hidden by a moderator) is shown only to
 *       community managers.
 * </ul>
 *
 * <p>Optimistic locking ({@code version}) keeps two managers from moving the same idea at once.
 */
@Entity
@Table(name = "idea")
public class Idea {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String body;

  @Column(name = "search_text", nullable = false)
  private String searchText;

  @Column(name = "author_id", nullable = false)
  private long authorId;

  @Convert(converter = IdeaStatusColumn.class)
  @Column(nullable = false)
  private IdeaStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "target_build")
  private String targetBuild;

  @Column(name = "merged_into")
  private Long mergedInto;

  @Column(nullable = false)
  private boolean hidden;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Convert(converter = InstantColumn.class)
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  @OneToOne(fetch = FetchType.LAZY)
  @PrimaryKeyJoinColumn
  private IdeaTally tally;

  @OneToMany(mappedBy = "idea", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<StatusChange> history = new ArrayList<>();

  @OneToMany(mappedBy = "idea", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<Clarification> clarifications = new ArrayList<>();

  protected Idea() {}

  private Idea(IdeaText text, MemberId author, Instant now) {
    setText(text);
    this.authorId = author.value();
    this.status = IdeaStatus.OPEN;
    this.createdAt = now;
    this.updatedAt = now;
    history.add(new StatusChange(this, null, IdeaStatus.OPEN, "Submitted", author, now));
  }

  public static Idea submit(IdeaText text, MemberId author, Instant now) {
    return new Idea(text, author, now);
  }

  /**
   * Changes the title and/or the body (null leaves a part as it is).
   *
   * @param textFrozen whether a vote was ever cast on this idea (from its tally)
   */
  public void edit(
      MemberId editor, String newTitle, String newBody, boolean textFrozen, Instant now) {
    requireAuthor(editor, "edit");
    if (newTitle == null && newBody == null) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "invalid-input",
          "Invalid input",
          "Send a title, a body or both.",
          List.of(new FieldError("title", "title or body is required")));
    }
    if (status.closed()) {
      throw DomainException.conflict(
          "idea-closed",
          "Idea closed",
          "Idea " + id + " is " + status.wire() + "; it can no longer be edited.");
    }
    if (textFrozen) {
      throw DomainException.unprocessable(
          "text-frozen",
          "Text frozen",
          "Idea "
              + id
              + " has been voted on, so its text stays as voters saw it; append a clarification"
              + " instead.");
    }
    setText(new IdeaText(newTitle == null ? title : newTitle, newBody == null ? body : newBody));
    updatedAt = now;
  }

  /** Appends the author's clarification; allowed at any time, unlike an edit. */
  public Clarification clarify(MemberId author, String text, Instant now) {
    requireAuthor(author, "clarify");
    Clarification clarification = new Clarification(this, author, text, now);
    clarifications.add(clarification);
    updatedAt = now;
    return clarification;
  }

  /**
   * A community manager's step in the life cycle.
   *
   * @param targetBuild required for {@code planned}; for other steps it replaces the recorded build
   *     when given (e.g. the build an idea shipped in)
   */
  public StatusChange changeStatus(
      IdeaStatus to, String reason, String targetBuild, MemberId actor, Instant now) {
    IdeaLifecycle.checkStatusChange(status, to, reason, targetBuild);
    if (targetBuild != null && !targetBuild.isBlank()) {
      this.targetBuild = targetBuild.strip();
    }
    return moveTo(to, reason.strip(), actor, now);
  }

  /**
   * Marks this idea a duplicate of {@code target}. Only an open idea can be merged away, and only
   * into another idea that still takes votes, so votes never move onto a closed idea and merges
   * never chain. The caller moves the votes (the vote ingest owns them).
   */
  public StatusChange mergeInto(Idea target, String reason, MemberId actor, Instant now) {
    IdeaLifecycle.requireReason(reason);
    if (target == this || (id != null && id.equals(target.id))) {
      throw DomainException.unprocessable(
          "merge-into-self", "Merge into itself", "An idea cannot be merged into itself.");
    }
    IdeaLifecycle.checkMerge(status, reason);
    if (target.status == IdeaStatus.DUPLICATE) {
      throw DomainException.conflict(
              "merge-chain",
              "Merge target is a duplicate",
              "Idea "
                  + target.id
                  + " is itself a duplicate of idea "
                  + target.mergedInto
                  + "; merge into that one.")
          .with("mergedInto", target.mergedInto);
    }
    if (target.status.closed()) {
      throw DomainException.conflict(
          "merge-target-closed",
          "Merge target closed",
          "Idea " + target.id + " is " + target.status.wire() + " and takes no more votes.");
    }
    if (target.hidden) {
      throw DomainException.conflict(
          "merge-target-hidden",
          "Merge target hidden",
          "Idea " + target.id + " is hidden pending moderation.");
    }
    mergedInto = target.id;
    return moveTo(IdeaStatus.DUPLICATE, reason.strip(), actor, now);
  }

  /** The flag policy decided that this idea has been flagged enough to hide it until reviewed. */
  public void hidePendingReview(Instant now) {
    if (!hidden) {
      hidden = true;
      updatedAt = now;
    }
  }

  /** A community manager's decision on a flagged (or any) idea. */
  public ModerationDecision moderate(Verdict verdict, String reason, MemberId actor, Instant now) {
    IdeaLifecycle.requireReason(reason);
    hidden = verdict == Verdict.KEEP_HIDDEN;
    updatedAt = now;
    return new ModerationDecision(id, verdict, reason.strip(), actor, now);
  }

  private StatusChange moveTo(IdeaStatus to, String reason, MemberId actor, Instant now) {
    StatusChange change = new StatusChange(this, status, to, reason, actor, now);
    history.add(change);
    status = to;
    statusReason = reason;
    updatedAt = now;
    return change;
  }

  private void requireAuthor(MemberId member, String action) {
    if (member.value() != authorId) {
      throw DomainException.forbidden("Only the author of idea " + id + " may " + action + " it.");
    }
  }

  private void setText(IdeaText text) {
    this.title = text.title();
    this.body = text.body();
    this.searchText = text.searchText();
  }

  public Long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public MemberId author() {
    return new MemberId(authorId);
  }

  public boolean isAuthor(MemberId member) {
    return member != null && member.value() == authorId;
  }

  public IdeaStatus status() {
    return status;
  }

  public String statusReason() {
    return statusReason;
  }

  public String targetBuild() {
    return targetBuild;
  }

  /** The idea this one was merged into, or null. */
  public Long mergedInto() {
    return mergedInto;
  }

  public boolean hidden() {
    return hidden;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The tally row, or null before the vote ingest has opened it. */
  public IdeaTally tally() {
    return tally;
  }

  public List<StatusChange> history() {
    return Collections.unmodifiableList(history);
  }

  public List<Clarification> clarifications() {
    return Collections.unmodifiableList(clarifications);
  }
}
