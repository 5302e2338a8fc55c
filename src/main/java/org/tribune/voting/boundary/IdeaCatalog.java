package org.tribune.voting.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tribune.identity.entity.MemberId;
import org.tribune.voting.boundary.FlaggedIdea.FlagView;
import org.tribune.voting.boundary.IdeaDetail.ClarificationView;
import org.tribune.voting.boundary.IdeaDetail.HistoryEntry;
import org.tribune.voting.control.SimilarIdeas;
import org.tribune.voting.control.SimilarIdeas.Candidate;
import org.tribune.voting.control.SimilarIdeas.Match;
import org.tribune.voting.control.Trending;
import org.tribune.voting.entity.Idea;
import org.tribune.voting.entity.IdeaComment;
import org.tribune.voting.entity.IdeaFlag;
import org.tribune.voting.entity.IdeaFollow;
import org.tribune.voting.entity.IdeaTally;
import org.tribune.voting.entity.IdeaText;
import org.tribune.voting.entity.StatusChange;

/**
 * The read side of ideas: queries that turn entities and the vote ingest's tallies into the records
 * the API sends. Display names come from identity's {@code member} table by a plain query, so
 * voting needs nothing of identity's entity. Called by {@link Ideas} inside its transaction.
 */
@ApplicationScoped
public class IdeaCatalog {

  /** A text filter uses at most this many words; each must appear in the idea. */
  static final int MAX_FILTER_WORDS = 8;

  @PersistenceContext(unitName = "tribune")
  EntityManager em;

  private final SimilarIdeas similarIdeas = new SimilarIdeas();
  private final Clock clock = Clock.systemUTC();

  /**
   * The ids are found by native SQL because EclipseLink binds a Java boolean as an integer on
   * Derby, which Derby refuses to compare with a BOOLEAN column; {@code hidden = FALSE} in plain
   * SQL is portable. The entities are then read by id.
   */
  Page<IdeaSummary> list(IdeaQuery query, boolean includeHidden) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!includeHidden) {
      where.append(" AND i.hidden = FALSE");
    }
    if (query.status() != null) {
      where.append(" AND i.status = ?");
      params.add(query.status().wire());
    }
    List<String> words =
        query.text() == null
            ? List.of()
            : new LinkedHashSet<>(List.of(IdeaText.normalize(query.text()).split(" ")))
                .stream().filter(w -> !w.isEmpty()).limit(MAX_FILTER_WORDS).toList();
    for (String word : words) {
      // Normalized words hold only letters, digits and marks, so they carry no LIKE wildcard.
      where.append(" AND i.search_text LIKE ?");
      params.add("%" + word + "%");
    }
    Query ids =
        em.createNativeQuery(
            "SELECT i.id FROM idea i LEFT JOIN idea_tally t ON t.idea_id = i.id"
                + where
                + " ORDER BY "
                + query.sort().orderBy);
    Query count = em.createNativeQuery("SELECT COUNT(*) FROM idea i" + where);
    for (int n = 0; n < params.size(); n++) {
      ids.setParameter(n + 1, params.get(n));
      count.setParameter(n + 1, params.get(n));
    }
    List<Long> page =
        longs(ids.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList());
    return new Page<>(summariesOf(page), ((Number) count.getSingleResult()).longValue());
  }

  /** Up to five visible ideas that say what the text says, most similar first. */
  List<IdeaSummary> similar(String text) {
    List<String> fragments = similarIdeas.searchFragments(text);
    if (fragments.isEmpty()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder(
            "SELECT i.id, i.title, i.body FROM idea i WHERE i.hidden = FALSE"
                + " AND i.status <> 'duplicate' AND (");
    for (int n = 0; n < fragments.size(); n++) {
      sql.append(n == 0 ? "" : " OR ").append("i.search_text LIKE ?");
    }
    sql.append(") ORDER BY i.id DESC");
    Query query = em.createNativeQuery(sql.toString()).setMaxResults(SimilarIdeas.MAX_CANDIDATES);
    for (int n = 0; n < fragments.size(); n++) {
      query.setParameter(n + 1, "%" + fragments.get(n) + "%");
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      candidates.add(new Candidate(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
    }
    List<Match> matches = similarIdeas.rank(text, candidates);
    return summariesOf(matches.stream().map(Match::id).toList());
  }

  /** Summaries of the ideas with these ids, in the order of the ids. */
  private List<IdeaSummary> summariesOf(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, IdeaSummary> byId =
        summaries(
                em.createQuery(
                        "SELECT i, t FROM Idea i LEFT JOIN i.tally t WHERE i.id IN :ids",
                        Object[].class)
                    .setParameter("ids", ids)
                    .getResultList())
            .stream()
            .collect(Collectors.toMap(IdeaSummary::id, Function.identity()));
    return ids.stream().map(byId::get).toList();
  }

  private static List<Long> longs(List<?> values) {
    return values.stream().map(v -> ((Number) v).longValue()).toList();
  }

  IdeaDetail detail(Idea idea, Optional<MemberId> viewer) {
    long id = idea.id();
    IdeaTally tally = em.find(IdeaTally.class, id);
    Set<Long> people = new LinkedHashSet<>();
    people.add(idea.author().value());
    idea.history().forEach(h -> people.add(h.actor().value()));
    Map<Long, String> names = displayNames(people);
    long comments =
        em.createQuery("SELECT COUNT(c) FROM IdeaComment c WHERE c.ideaId = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    long followers =
        em.createQuery("SELECT COUNT(f) FROM IdeaFollow f WHERE f.ideaId = :id", Long.class)
            .setParameter("id", id)
            .getSingleResult();
    boolean following =
        viewer.map(m -> em.find(IdeaFollow.class, IdeaFollow.key(m, id)) != null).orElse(false);
    boolean myVote = viewer.map(m -> hasVoted(m, id)).orElse(false);
    List<ClarificationView> clarifications =
        idea.clarifications().stream()
            .map(c -> new ClarificationView(c.id(), c.body(), c.createdAt()))
            .toList();
    List<HistoryEntry> history = new ArrayList<>();
    for (StatusChange h : idea.history()) {
      history.add(
          new HistoryEntry(
              h.from() == null ? null : h.from().wire(),
              h.to().wire(),
              h.reason(),
              ref(h.actor().value(), names),
              h.at()));
    }
    return new IdeaDetail(
        id,
        idea.title(),
        idea.status().wire(),
        tally == null ? 0 : tally.votes(),
        score(tally),
        comments,
        idea.createdAt(),
        ref(idea.author().value(), names),
        idea.body(),
        idea.statusReason(),
        idea.targetBuild(),
        idea.mergedInto(),
        tally != null && tally.textFrozen(),
        clarifications,
        history,
        followers,
        following,
        myVote);
  }

  Page<CommentView> comments(long ideaId, int limit, int offset) {
    List<IdeaComment> page =
        em.createQuery(
                "SELECT c FROM IdeaComment c WHERE c.ideaId = :id ORDER BY c.id", IdeaComment.class)
            .setParameter("id", ideaId)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    long total =
        em.createQuery("SELECT COUNT(c) FROM IdeaComment c WHERE c.ideaId = :id", Long.class)
            .setParameter("id", ideaId)
            .getSingleResult();
    Map<Long, String> names =
        displayNames(page.stream().map(c -> c.author().value()).collect(Collectors.toSet()));
    return new Page<>(page.stream().map(c -> comment(c, names)).toList(), total);
  }

  CommentView comment(IdeaComment c) {
    return comment(c, displayNames(Set.of(c.author().value())));
  }

  /** Ideas with flags no moderator has reviewed, hidden ones first, then by number of flags. */
  Page<FlaggedIdea> flagged(int limit, int offset) {
    List<Object[]> counts =
        em.createQuery(
                "SELECT f.ideaId, COUNT(f) FROM IdeaFlag f WHERE f.reviewedAt IS NULL"
                    + " GROUP BY f.ideaId",
                Object[].class)
            .getResultList();
    if (counts.isEmpty()) {
      return new Page<>(List.of(), 0);
    }
    Map<Long, Long> flagCount = new HashMap<>();
    counts.forEach(r -> flagCount.put((Long) r[0], (Long) r[1]));
    List<Object[]> rows =
        em.createQuery(
                "SELECT i, t FROM Idea i LEFT JOIN i.tally t WHERE i.id IN :ids", Object[].class)
            .setParameter("ids", flagCount.keySet())
            .getResultList();
    rows.sort(
        (a, b) -> {
          Idea x = (Idea) a[0];
          Idea y = (Idea) b[0];
          if (x.hidden() != y.hidden()) {
            return x.hidden() ? -1 : 1;
          }
          int byCount = Long.compare(flagCount.get(y.id()), flagCount.get(x.id()));
          return byCount != 0 ? byCount : Long.compare(y.id(), x.id());
        });
    List<Object[]> page =
        rows.subList(Math.min(offset, rows.size()), Math.min(offset + limit, rows.size()));
    if (page.isEmpty()) {
      return new Page<>(List.of(), rows.size());
    }
    List<Long> ids = page.stream().map(r -> ((Idea) r[0]).id()).toList();
    List<IdeaFlag> flags =
        em.createQuery(
                "SELECT f FROM IdeaFlag f WHERE f.reviewedAt IS NULL AND f.ideaId IN :ids"
                    + " ORDER BY f.createdAt",
                IdeaFlag.class)
            .setParameter("ids", ids)
            .getResultList();
    Map<Long, String> names =
        displayNames(flags.stream().map(f -> f.member().value()).collect(Collectors.toSet()));
    List<IdeaSummary> summaries = summaries(page);
    List<FlaggedIdea> items = new ArrayList<>();
    for (int n = 0; n < page.size(); n++) {
      Idea idea = (Idea) page.get(n)[0];
      items.add(
          new FlaggedIdea(
              summaries.get(n),
              idea.hidden(),
              flags.stream()
                  .filter(f -> f.ideaId() == idea.id())
                  .map(f -> new FlagView(ref(f.member().value(), names), f.reason(), f.createdAt()))
                  .toList()));
    }
    return new Page<>(items, rows.size());
  }

  long pendingFlags(long ideaId) {
    return em.createQuery(
            "SELECT COUNT(f) FROM IdeaFlag f WHERE f.ideaId = :id AND f.reviewedAt IS NULL",
            Long.class)
        .setParameter("id", ideaId)
        .getSingleResult();
  }

  /** Whether the member has a vote row on the idea (the vote ingest's table, read only). */
  boolean hasVoted(MemberId member, long ideaId) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM idea_vote WHERE member_id = ?1 AND idea_id = ?2")
                .setParameter(1, member.value())
                .setParameter(2, ideaId)
                .getSingleResult();
    return n.longValue() > 0;
  }

  /** Summaries of (idea, tally) rows, in the rows' order. */
  private List<IdeaSummary> summaries(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(r -> ((Idea) r[0]).id()).toList();
    Map<Long, Long> comments = new HashMap<>();
    em.createQuery(
            "SELECT c.ideaId, COUNT(c) FROM IdeaComment c WHERE c.ideaId IN :ids"
                + " GROUP BY c.ideaId",
            Object[].class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(r -> comments.put((Long) r[0], (Long) r[1]));
    Map<Long, String> names =
        displayNames(
            rows.stream().map(r -> ((Idea) r[0]).author().value()).collect(Collectors.toSet()));
    List<IdeaSummary> summaries = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Idea idea = (Idea) row[0];
      IdeaTally tally = (IdeaTally) row[1];
      summaries.add(
          new IdeaSummary(
              idea.id(),
              idea.title(),
              idea.status().wire(),
              tally == null ? 0 : tally.votes(),
              score(tally),
              comments.getOrDefault(idea.id(), 0L),
              idea.createdAt(),
              ref(idea.author().value(), names)));
    }
    return summaries;
  }

  private double score(IdeaTally tally) {
    return tally == null ? 0 : Trending.score(tally.trendMass(), Instant.now(clock));
  }

  private CommentView comment(IdeaComment c, Map<Long, String> names) {
    return new CommentView(c.id(), c.body(), c.createdAt(), ref(c.author().value(), names));
  }

  private static AuthorRef ref(long memberId, Map<Long, String> names) {
    return new AuthorRef(memberId, names.getOrDefault(memberId, ""));
  }

  /** Display names from identity's member table, by a read-only query. */
  private Map<Long, String> displayNames(Collection<Long> memberIds) {
    Map<Long, String> names = new HashMap<>();
    List<Long> ids = List.copyOf(new LinkedHashSet<>(memberIds));
    for (int from = 0; from < ids.size(); from += 200) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
      StringBuilder marks = new StringBuilder();
      for (int n = 1; n <= chunk.size(); n++) {
        marks.append(n == 1 ? "" : ", ").append('?').append(n);
      }
      Query query =
          em.createNativeQuery("SELECT id, display_name FROM member WHERE id IN (" + marks + ")");
      for (int n = 0; n < chunk.size(); n++) {
        query.setParameter(n + 1, chunk.get(n));
      }
      for (Object row : query.getResultList()) {
        Object[] r = (Object[]) row;
        names.put(((Number) r[0]).longValue(), (String) r[1]);
      }
    }
    return names;
  }
}
