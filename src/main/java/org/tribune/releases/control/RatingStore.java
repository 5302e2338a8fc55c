package org.tribune.releases.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribune.ingest.control.BatchWriter;
import org.tribune.releases.control.RatingCommand.ExcludeDay;
import org.tribune.releases.control.RatingCommand.Rate;
import org.tribune.releases.control.RatingOutcome.DayExcluded;
import org.tribune.releases.control.RatingOutcome.NoSuchBuild;
import org.tribune.releases.control.RatingOutcome.NotInstalled;
import org.tribune.releases.control.RatingOutcome.Rated;
import org.tribune.releases.control.RatingOutcome.TooEarly;
import org.tribune.releases.control.RatingOutcome.WindowClosed;

/**
 * Every SQL statement that writes build ratings and their per-build score rows. Called by the
 * ingest's single writer with a batch in one transaction: the builds' release times, the members'
 * installs and their existing ratings are read once per batch; each command is decided in order
 * against that state ({@link RatingWindow}); a second rating by the same member replaces the first
 * (within the window), also inside one batch; the inserts and updates go out as JDBC batches and
 * each build's score row is updated once, so reading a score is one primary-key read.
 */
public final class RatingStore implements BatchWriter<RatingCommand, RatingOutcome> {

  private final RatingWindow window;
  private final Clock clock;

  public RatingStore(RatingWindow window, Clock clock) {
    this.window = window;
    this.clock = clock;
  }

  public RatingWindow window() {
    return window;
  }

  /** Opens a new build's empty score row, in the caller's transaction. */
  public static void openScore(Connection c, long buildId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO build_score (build_id, n1, n2, n3, n4, n5, late_count, excluded_count)"
                + " VALUES (?, 0, 0, 0, 0, 0, 0, 0)")) {
      s.setLong(1, buildId);
      s.executeUpdate();
    }
  }

  /** The scored distribution of each build; builds without a row are left out. */
  public static Map<Long, Score> scores(Connection c, Set<Long> buildIds) throws SQLException {
    Map<Long, Score> scores = new HashMap<>();
    for (List<Long> chunk : Sql.chunks(buildIds)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT build_id, n1, n2, n3, n4, n5, late_count, excluded_count FROM build_score"
                  + " WHERE build_id IN ("
                  + Sql.marks(chunk.size())
                  + ")")) {
        Sql.bind(s, 1, chunk);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            scores.put(
                rs.getLong(1),
                new Score(
                    new StarDistribution(
                        rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                    rs.getLong(7),
                    rs.getLong(8)));
          }
        }
      }
    }
    return scores;
  }

  /** A build's score row: the scored stars, and how many ratings were late or excluded. */
  public record Score(StarDistribution stars, long late, long excluded) {}

  @Override
  public List<RatingOutcome> write(Connection c, List<RatingCommand> commands) throws SQLException {
    List<RatingOutcome> outcomes = new ArrayList<>(commands.size());
    int start = 0;
    while (start < commands.size()) {
      if (commands.get(start) instanceof ExcludeDay exclude) {
        outcomes.add(exclude(c, exclude));
        start++;
      } else {
        int end = start;
        while (end < commands.size() && commands.get(end) instanceof Rate) {
          end++;
        }
        List<Rate> rates = new ArrayList<>();
        commands.subList(start, end).forEach(r -> rates.add((Rate) r));
        outcomes.addAll(rate(c, rates));
        start = end;
      }
    }
    return outcomes;
  }

  private record Key(long member, long build) {}

  private record Existing(int stars, boolean late, boolean excluded, boolean newInBatch) {}

  private static final class Delta {
    final long[] n = new long[6];
    long late;
    long excluded;
  }

  private List<RatingOutcome> rate(Connection c, List<Rate> rates) throws SQLException {
    Instant now = clock.instant();
    Timestamp at = Timestamp.from(now);
    Date day = Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC));
    Set<Long> buildIds = new HashSet<>();
    Set<Long> memberIds = new HashSet<>();
    rates.forEach(
        r -> {
          buildIds.add(r.buildId());
          memberIds.add(r.member().value());
        });
    Map<Long, Instant> releases = releases(c, buildIds);
    Map<Long, Score> scores = scores(c, releases.keySet());
    Map<Key, Instant> installs = installs(c, memberIds, releases.keySet());
    Map<Key, Existing> existing = ratings(c, memberIds, releases.keySet());

    Map<Key, Rate> inserts = new LinkedHashMap<>();
    Map<Key, Rate> updates = new LinkedHashMap<>();
    Map<Key, Boolean> lateOf = new HashMap<>();
    Map<Long, Delta> deltas = new LinkedHashMap<>();
    List<RatingOutcome> outcomes = new ArrayList<>(rates.size());

    for (Rate rate : rates) {
      Instant release = releases.get(rate.buildId());
      if (release == null || !scores.containsKey(rate.buildId())) {
        outcomes.add(new NoSuchBuild(rate.buildId()));
        continue;
      }
      Key key = new Key(rate.member().value(), rate.buildId());
      Existing before = existing.get(key);
      RatingWindow.Decision decision =
          window.decide(installs.get(key), release, before != null, now);
      if (decision instanceof RatingWindow.NotInstalled) {
        outcomes.add(new NotInstalled(rate.buildId()));
      } else if (decision instanceof RatingWindow.TooEarly early) {
        outcomes.add(new TooEarly(rate.buildId(), early.eligibleAt()));
      } else if (decision instanceof RatingWindow.WindowClosed closed) {
        outcomes.add(new WindowClosed(rate.buildId(), closed.closedAt()));
      } else if (decision instanceof RatingWindow.Allowed allowed) {
        Delta delta = deltas.computeIfAbsent(rate.buildId(), id -> new Delta());
        if (before != null) {
          if (before.excluded()) {
            delta.excluded--;
          } else if (before.late()) {
            delta.late--;
          } else {
            delta.n[before.stars()]--;
          }
        }
        if (allowed.late()) {
          delta.late++;
        } else {
          delta.n[rate.stars()]++;
        }
        boolean newRow = before == null || before.newInBatch();
        if (newRow) {
          inserts.put(key, rate);
        } else {
          updates.put(key, rate);
        }
        lateOf.put(key, allowed.late());
        existing.put(key, new Existing(rate.stars(), allowed.late(), false, newRow));
        outcomes.add(
            new Rated(
                rate.buildId(),
                rate.stars(),
                allowed.late(),
                before != null,
                apply(scores.get(rate.buildId()).stars(), delta)));
      }
    }

    if (!inserts.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO build_rating (member_id, build_id, stars, comment_text, tags, rated_at,"
                  + " rated_day, late, excluded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)")) {
        for (Map.Entry<Key, Rate> e : inserts.entrySet()) {
          s.setLong(1, e.getKey().member());
          s.setLong(2, e.getKey().build());
          s.setInt(3, e.getValue().stars());
          s.setString(4, e.getValue().comment());
          s.setString(5, e.getValue().tags());
          s.setTimestamp(6, at);
          s.setDate(7, day);
          s.setBoolean(8, lateOf.get(e.getKey()));
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    if (!updates.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE build_rating SET stars = ?, comment_text = ?, tags = ?, rated_at = ?,"
                  + " rated_day = ?, late = ?, excluded = FALSE"
                  + " WHERE member_id = ? AND build_id = ?")) {
        for (Map.Entry<Key, Rate> e : updates.entrySet()) {
          s.setInt(1, e.getValue().stars());
          s.setString(2, e.getValue().comment());
          s.setString(3, e.getValue().tags());
          s.setTimestamp(4, at);
          s.setDate(5, day);
          s.setBoolean(6, lateOf.get(e.getKey()));
          s.setLong(7, e.getKey().member());
          s.setLong(8, e.getKey().build());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    if (!deltas.isEmpty()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE build_score SET n1 = n1 + ?, n2 = n2 + ?, n3 = n3 + ?, n4 = n4 + ?,"
                  + " n5 = n5 + ?, late_count = late_count + ?,"
                  + " excluded_count = excluded_count + ? WHERE build_id = ?")) {
        for (Map.Entry<Long, Delta> e : deltas.entrySet()) {
          Delta d = e.getValue();
          for (int k = 1; k <= 5; k++) {
            s.setLong(k, d.n[k]);
          }
          s.setLong(6, d.late);
          s.setLong(7, d.excluded);
          s.setLong(8, e.getKey());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    return outcomes;
  }

  private static StarDistribution apply(StarDistribution base, Delta d) {
    return new StarDistribution(
        base.n1() + d.n[1],
        base.n2() + d.n[2],
        base.n3() + d.n[3],
        base.n4() + d.n[4],
        base.n5() + d.n[5]);
  }

  private static Map<Long, Instant> releases(Connection c, Set<Long> buildIds) throws SQLException {
    Map<Long, Instant> releases = new HashMap<>();
    for (List<Long> chunk : Sql.chunks(buildIds)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, developer_at FROM build WHERE id IN (" + Sql.marks(chunk.size()) + ")")) {
        Sql.bind(s, 1, chunk);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            releases.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
          }
        }
      }
    }
    return releases;
  }

  private static Map<Key, Instant> installs(Connection c, Set<Long> members, Set<Long> builds)
      throws SQLException {
    return byMemberAndBuild(
        c, "installed_at", "build_install", members, builds, rs -> rs.getTimestamp(3).toInstant());
  }

  private static Map<Key, Existing> ratings(Connection c, Set<Long> members, Set<Long> builds)
      throws SQLException {
    return byMemberAndBuild(
        c,
        "stars, late, excluded",
        "build_rating",
        members,
        builds,
        rs -> new Existing(rs.getInt(3), rs.getBoolean(4), rs.getBoolean(5), false));
  }

  /** Reads one column set of a table's rows (from column 3 on) for the members × builds given. */
  @FunctionalInterface
  private interface RowReader<V> {
    V read(ResultSet rs) throws SQLException;
  }

  private static <V> Map<Key, V> byMemberAndBuild(
      Connection c,
      String columns,
      String table,
      Set<Long> members,
      Set<Long> builds,
      RowReader<V> reader)
      throws SQLException {
    Map<Key, V> rows = new HashMap<>();
    if (builds.isEmpty()) {
      return rows;
    }
    for (List<Long> m : Sql.chunks(members)) {
      for (List<Long> b : Sql.chunks(builds)) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT member_id, build_id, "
                    + columns
                    + " FROM "
                    + table
                    + " WHERE member_id IN ("
                    + Sql.marks(m.size())
                    + ") AND build_id IN ("
                    + Sql.marks(b.size())
                    + ")")) {
          Sql.bind(s, Sql.bind(s, 1, m), b);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              rows.put(new Key(rs.getLong(1), rs.getLong(2)), reader.read(rs));
            }
          }
        }
      }
    }
    return rows;
  }

  private DayExcluded exclude(Connection c, ExcludeDay command) throws SQLException {
    long changed;
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE build_rating SET excluded = ? WHERE build_id = ? AND rated_day = ?"
                + " AND late = FALSE")) {
      s.setBoolean(1, command.excluded());
      s.setLong(2, command.buildId());
      s.setDate(3, Date.valueOf(command.day()));
      changed = s.executeUpdate();
    }
    recount(c, command.buildId());
    return new DayExcluded(command.buildId(), command.day(), command.excluded(), changed);
  }

  /** Sets a build's score row from its stored ratings; used where ratings changed in bulk. */
  private static void recount(Connection c, long buildId) throws SQLException {
    long[] n = new long[6];
    long late = 0;
    long excluded = 0;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT stars, late, excluded, COUNT(*) FROM build_rating WHERE build_id = ?"
                + " GROUP BY stars, late, excluded")) {
      s.setLong(1, buildId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long count = rs.getLong(4);
          if (rs.getBoolean(3)) {
            excluded += count;
          } else if (rs.getBoolean(2)) {
            late += count;
          } else {
            n[rs.getInt(1)] += count;
          }
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE build_score SET n1 = ?, n2 = ?, n3 = ?, n4 = ?, n5 = ?, late_count = ?,"
                + " excluded_count = ? WHERE build_id = ?")) {
      for (int k = 1; k <= 5; k++) {
        s.setLong(k, n[k]);
      }
      s.setLong(6, late);
      s.setLong(7, excluded);
      s.setLong(8, buildId);
      s.executeUpdate();
    }
  }
}
