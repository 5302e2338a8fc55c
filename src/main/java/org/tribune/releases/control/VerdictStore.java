package org.tribune.releases.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tribune.ingest.control.BatchWriter;
import org.tribune.releases.control.VerdictCommand.Confirm;
import org.tribune.releases.control.VerdictCommand.Give;
import org.tribune.releases.control.VerdictOutcome.Confirmed;
import org.tribune.releases.control.VerdictOutcome.NoSuchBuild;
import org.tribune.releases.control.VerdictOutcome.NoSuchVerdict;
import org.tribune.releases.control.VerdictOutcome.NotInstalled;
import org.tribune.releases.control.VerdictOutcome.NotP0;
import org.tribune.releases.control.VerdictOutcome.NotTester;
import org.tribune.releases.control.VerdictOutcome.Recorded;
import org.tribune.releases.control.VerdictOutcome.Tally;
import org.tribune.releases.control.VerdictOutcome.TooEarly;

/**
 * Every SQL statement that writes trusted testers' verdicts and their per-build tally, called by
 * the ingest's single writer. Testers are few (tens per device), so unlike ratings each command
 * reads what it needs on its own; what matters is that verdicts, their tally and engineers'
 * confirmations are written by one thread in order, so the tally the bad-build rule reads is exact.
 * A tester's second verdict replaces the first, and clears an engineer's confirmation (the report
 * it confirmed has changed).
 */
public final class VerdictStore implements BatchWriter<VerdictCommand, VerdictOutcome> {

  public static final String P0 = "P0";

  private final Duration minimumOnBuild;
  private final Clock clock;

  public VerdictStore(Duration minimumOnBuild, Clock clock) {
    this.minimumOnBuild = minimumOnBuild;
    this.clock = clock;
  }

  public static void openTally(Connection c, long buildId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO verdict_tally (build_id, good, bad) VALUES (?, 0, 0)")) {
      s.setLong(1, buildId);
      s.executeUpdate();
    }
  }

  public static Tally tally(Connection c, long buildId) throws SQLException {
    long good = 0;
    long bad = 0;
    try (PreparedStatement s =
        c.prepareStatement("SELECT good, bad FROM verdict_tally WHERE build_id = ?")) {
      s.setLong(1, buildId);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          good = rs.getLong(1);
          bad = rs.getLong(2);
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*) FROM build_verdict WHERE build_id = ? AND verdict = 'bad'"
                + " AND severity = 'P0' AND confirmed_by IS NOT NULL")) {
      s.setLong(1, buildId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new Tally(good, bad, rs.getLong(1));
      }
    }
  }

  @Override
  public List<VerdictOutcome> write(Connection c, List<VerdictCommand> commands)
      throws SQLException {
    List<VerdictOutcome> outcomes = new ArrayList<>(commands.size());
    for (VerdictCommand command : commands) {
      if (command instanceof Give give) {
        outcomes.add(give(c, give));
      } else if (command instanceof Confirm confirm) {
        outcomes.add(confirm(c, confirm));
      }
    }
    return outcomes;
  }

  private VerdictOutcome give(Connection c, Give give) throws SQLException {
    Instant now = clock.instant();
    long member = give.tester().value();
    Long device = null;
    try (PreparedStatement s = c.prepareStatement("SELECT device_id FROM build WHERE id = ?")) {
      s.setLong(1, give.buildId());
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          device = rs.getLong(1);
        }
      }
    }
    if (device == null) {
      return new NoSuchBuild(give.buildId());
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*) FROM trusted_tester t JOIN member_role r"
                + " ON r.member_id = t.member_id AND r.role_name = 'trusted_tester'"
                + " WHERE t.member_id = ? AND t.device_id = ? AND t.status = 'active'")) {
      s.setLong(1, member);
      s.setLong(2, device);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return new NotTester(give.buildId());
        }
      }
    }
    Instant installedAt = null;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT installed_at FROM build_install WHERE member_id = ? AND build_id = ?")) {
      s.setLong(1, member);
      s.setLong(2, give.buildId());
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          installedAt = rs.getTimestamp(1).toInstant();
        }
      }
    }
    if (installedAt == null) {
      return new NotInstalled(give.buildId());
    }
    if (now.isBefore(installedAt.plus(minimumOnBuild))) {
      return new TooEarly(give.buildId(), installedAt.plus(minimumOnBuild));
    }
    String before = null;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT verdict FROM build_verdict WHERE member_id = ? AND build_id = ?")) {
      s.setLong(1, member);
      s.setLong(2, give.buildId());
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          before = rs.getString(1);
        }
      }
    }
    String verdict = give.good() ? "good" : "bad";
    Timestamp at = Timestamp.from(now);
    if (before == null) {
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO build_verdict (member_id, build_id, verdict, severity, evidence,"
                  + " log_ref, given_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        s.setLong(1, member);
        s.setLong(2, give.buildId());
        s.setString(3, verdict);
        s.setString(4, give.severity());
        s.setString(5, give.evidence());
        s.setString(6, give.logRef());
        s.setTimestamp(7, at);
        s.executeUpdate();
      }
    } else {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE build_verdict SET verdict = ?, severity = ?, evidence = ?, log_ref = ?,"
                  + " given_at = ?, confirmed_by = NULL, confirmed_at = NULL"
                  + " WHERE member_id = ? AND build_id = ?")) {
        s.setString(1, verdict);
        s.setString(2, give.severity());
        s.setString(3, give.evidence());
        s.setString(4, give.logRef());
        s.setTimestamp(5, at);
        s.setLong(6, member);
        s.setLong(7, give.buildId());
        s.executeUpdate();
      }
    }
    long goodDelta = (give.good() ? 1 : 0) - ("good".equals(before) ? 1 : 0);
    long badDelta = (give.good() ? 0 : 1) - ("bad".equals(before) ? 1 : 0);
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE verdict_tally SET good = good + ?, bad = bad + ? WHERE build_id = ?")) {
      s.setLong(1, goodDelta);
      s.setLong(2, badDelta);
      s.setLong(3, give.buildId());
      s.executeUpdate();
    }
    return new Recorded(give.buildId(), give.good(), before != null, tally(c, give.buildId()));
  }

  private VerdictOutcome confirm(Connection c, Confirm confirm) throws SQLException {
    long tester = confirm.tester().value();
    String verdict = null;
    String severity = null;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT verdict, severity FROM build_verdict WHERE member_id = ? AND build_id = ?")) {
      s.setLong(1, tester);
      s.setLong(2, confirm.buildId());
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          verdict = rs.getString(1);
          severity = rs.getString(2);
        }
      }
    }
    if (verdict == null) {
      return new NoSuchVerdict(confirm.buildId(), tester);
    }
    if (!"bad".equals(verdict) || !P0.equals(severity)) {
      return new NotP0(confirm.buildId(), tester);
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE build_verdict SET confirmed_by = ?, confirmed_at = ?"
                + " WHERE member_id = ? AND build_id = ?")) {
      s.setLong(1, confirm.engineer().value());
      s.setTimestamp(2, Timestamp.from(clock.instant()));
      s.setLong(3, tester);
      s.setLong(4, confirm.buildId());
      s.executeUpdate();
    }
    return new Confirmed(confirm.buildId(), tester, tally(c, confirm.buildId()));
  }
}
