package org.tribune.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import javax.sql.DataSource;
import org.tribune.platform.control.SchemaMigrations;
import org.tribune.voting.control.IdeaVoteStore;
import org.tribune.voting.control.Trending;
import org.tribune.voting.control.VoteBudgetPolicy;

/**
 * Seeds a benchmark database while the server is stopped: members with an API token each, and ideas
 * to vote on. Signing up through the API would spend ~0.2 s of PBKDF2 per member, which is what a
 * password hash is for and not what the benchmark measures, so the rows are written directly, in
 * the same shape the identity component writes them. Prints the tokens, one per line, for the load
 * generator.
 *
 * <p>Usage: {@code BenchSeed <derby-dir|postgresql-jdbc-url> <members> <ideas> <tokens-file>
 * [big-idea-votes]}; writes {@code seed.env} (first member and idea ids) beside the tokens file.
 * With {@code big-idea-votes} &gt; 0 it also seeds one more idea with that many votes, each from a
 * member of its own (no token), stored exactly as the writer stores them (votes, weekly spending,
 * the tally): the idea whose tally reads the benchmark measures ({@code BIG_IDEA} in seed.env).
 */
public final class BenchSeed {

  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private BenchSeed() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4 && args.length != 5) {
      System.err.println(
          "usage: BenchSeed <derby-dir> <members> <ideas> <tokens-file> [big-idea-votes]");
      System.exit(2);
    }
    DataSource dataSource = BenchDatabase.open(args[0]);
    int members = Integer.parseInt(args[1]);
    int ideas = Integer.parseInt(args[2]);
    Path tokens = Path.of(args[3]);
    int bigIdeaVotes = args.length == 5 ? Integer.parseInt(args[4]) : 0;

    SchemaMigrations.migrate(dataSource);
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long firstMember = seedMembers(c, members, tokens);
      long firstIdea = seedIdeas(c, firstMember, ideas);
      c.commit();
      long bigIdea = bigIdeaVotes > 0 ? seedBigIdea(c, firstMember, bigIdeaVotes) : 0;
      // Ids are consecutive from these; the load generators need them.
      Files.writeString(
          tokens.resolveSibling("seed.env"),
          "FIRST_MEMBER_ID="
              + firstMember
              + "\nFIRST_IDEA="
              + firstIdea
              + "\nSEEDED_MEMBERS="
              + members
              + "\nIDEAS="
              + ideas
              + "\nBIG_IDEA="
              + bigIdea
              + "\n");
    }
    BenchDatabase.close(args[0]);
    System.out.printf(
        "seeded %d members with tokens and %d ideas in %.1f s%n",
        members, ideas, (System.nanoTime() - started) / 1e9);
  }

  private static long seedMembers(Connection c, int members, Path tokens)
      throws SQLException, IOException {
    Random random = new Random(20261123L);
    Timestamp now = Timestamp.from(Instant.now());
    Date today = Date.valueOf(LocalDate.now());
    long first = -1;
    try (PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(tokens, StandardCharsets.US_ASCII));
        PreparedStatement member =
            c.prepareStatement(
                "INSERT INTO member (email, display_name, locale, member_type, joined_on,"
                    + " created_at) VALUES (?, ?, 'en', 'enthusiast', ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement role =
            c.prepareStatement(
                "INSERT INTO member_role (member_id, role_name) VALUES (?, 'member')");
        PreparedStatement token =
            c.prepareStatement(
                "INSERT INTO api_token (member_id, name, token_hash, created_at)"
                    + " VALUES (?, 'bench', ?, ?)")) {
      for (int i = 0; i < members; i++) {
        member.setString(1, "bench" + i + "@bench.test");
        member.setString(2, "Bench member " + i);
        member.setDate(3, today);
        member.setTimestamp(4, now);
        member.executeUpdate();
        long id;
        try (var keys = member.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
        if (first < 0) {
          first = id;
        }
        role.setLong(1, id);
        role.addBatch();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "trb_" + BASE64.encodeToString(bytes);
        token.setLong(1, id);
        token.setString(2, sha256(secret));
        token.setTimestamp(3, now);
        token.addBatch();
        out.println(secret);
        if (i % 1000 == 999) {
          role.executeBatch();
          token.executeBatch();
          c.commit();
        }
      }
      role.executeBatch();
      token.executeBatch();
    }
    return first;
  }

  private static long seedIdeas(Connection c, long author, int ideas) throws SQLException {
    long first = -1;
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement idea =
        c.prepareStatement(
            "INSERT INTO idea (title, body, search_text, author_id, status, hidden, created_at,"
                + " updated_at, version) VALUES (?, ?, ?, ?, 'open', FALSE, ?, ?, 1)",
            Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 1; i <= ideas; i++) {
        String title = "Benchmark idea " + i;
        idea.setString(1, title);
        idea.setString(2, "An idea for the vote benchmark, number " + i + ".");
        idea.setString(3, title.toLowerCase());
        idea.setLong(4, author);
        idea.setTimestamp(5, now);
        idea.setTimestamp(6, now);
        idea.executeUpdate();
        try (var keys = idea.getGeneratedKeys()) {
          keys.next();
          long id = keys.getLong(1);
          first = first < 0 ? id : first;
          IdeaVoteStore.openTally(c, id);
        }
      }
    }
    return first;
  }

  /**
   * One idea with {@code votes} votes from as many new members, committed every 10,000 rows: the
   * rows the vote writer would have written for them this week.
   */
  private static long seedBigIdea(Connection c, long author, int votes) throws SQLException {
    Instant now = Instant.now();
    Timestamp at = Timestamp.from(now);
    Date week = Date.valueOf(VoteBudgetPolicy.weekOf(now));
    double weight = Trending.weight(now);
    long idea;
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO idea (title, body, search_text, author_id, status, hidden, created_at,"
                + " updated_at, version) VALUES (?, ?, ?, ?, 'open', FALSE, ?, ?, 1)",
            Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, "Benchmark idea with " + votes + " votes");
      s.setString(2, "The idea whose tally reads the benchmark measures.");
      s.setString(3, "benchmark idea with many votes");
      s.setLong(4, author);
      s.setTimestamp(5, at);
      s.setTimestamp(6, at);
      s.executeUpdate();
      try (var keys = s.getGeneratedKeys()) {
        keys.next();
        idea = keys.getLong(1);
      }
    }
    try (PreparedStatement member =
            c.prepareStatement(
                "INSERT INTO member (email, display_name, locale, member_type, joined_on,"
                    + " created_at) VALUES (?, ?, 'en', 'enthusiast', ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement vote =
            c.prepareStatement(
                "INSERT INTO idea_vote (member_id, idea_id, cast_at, charged_week, trend_weight,"
                    + " refunded) VALUES (?, ?, ?, ?, ?, FALSE)");
        PreparedStatement spend =
            c.prepareStatement("INSERT INTO vote_spend (member_id, week, used) VALUES (?, ?, 1)")) {
      for (int i = 0; i < votes; i++) {
        member.setString(1, "many" + i + "@bench.test");
        member.setString(2, "Voter " + i);
        member.setDate(3, week);
        member.setTimestamp(4, at);
        member.executeUpdate();
        long id;
        try (var keys = member.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
        vote.setLong(1, id);
        vote.setLong(2, idea);
        vote.setTimestamp(3, at);
        vote.setDate(4, week);
        vote.setDouble(5, weight);
        vote.addBatch();
        spend.setLong(1, id);
        spend.setDate(2, week);
        spend.addBatch();
        if (i % 10_000 == 9_999) {
          vote.executeBatch();
          spend.executeBatch();
          c.commit();
        }
      }
      vote.executeBatch();
      spend.executeBatch();
    }
    try (PreparedStatement tally =
        c.prepareStatement(
            "INSERT INTO idea_tally (idea_id, votes, trend_mass, votable, first_vote_at)"
                + " VALUES (?, ?, ?, TRUE, ?)")) {
      tally.setLong(1, idea);
      tally.setLong(2, votes);
      tally.setDouble(3, weight * votes);
      tally.setTimestamp(4, at);
      tally.executeUpdate();
    }
    c.commit();
    return idea;
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
