package org.tribune.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.tribune.identity.entity.MemberId;
import org.tribune.platform.control.SchemaMigrations;
import org.tribune.voting.control.IdeaVoteCommand;
import org.tribune.voting.control.IdeaVoteOutcome;
import org.tribune.voting.control.IdeaVoteStore;
import org.tribune.voting.control.VoteBudgetPolicy;

/**
 * The vote writer alone, without HTTP: feeds {@link IdeaVoteStore} batches of casts (one in eleven
 * a repeat) on a database seeded by {@link BenchSeed}, one transaction per batch as the ingest
 * does, and prints votes per second of wall time and microseconds of writer CPU per vote. It shows
 * what the single writer can sustain, which bounds the HTTP vote rate.
 *
 * <p>Usage: {@code WriterBench <derby-dir> <first-member-id> <members> <first-idea> <ideas>
 * <batch>}
 */
public final class WriterBench {

  private WriterBench() {}

  public static void main(String[] args) throws Exception {
    Properties derby = System.getProperties();
    derby.putIfAbsent("derby.storage.pageCacheSize", "16000");
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName(args[0] + "/tribune");
    long firstMember = Long.parseLong(args[1]);
    int members = Integer.parseInt(args[2]);
    long firstIdea = Long.parseLong(args[3]);
    int ideas = Integer.parseInt(args[4]);
    int batch = Integer.parseInt(args[5]);
    SchemaMigrations.migrate(ds);
    IdeaVoteStore store = new IdeaVoteStore(new VoteBudgetPolicy(10), Clock.systemUTC());

    List<IdeaVoteCommand> all = new ArrayList<>();
    for (int m = 0; m < members; m++) {
      MemberId member = new MemberId(firstMember + m);
      for (int s = 0; s <= 10; s++) {
        int slot = s == 10 ? 0 : s;
        long idea = firstIdea + Math.floorMod(m * 7919L + slot * 104729L, ideas);
        all.add(new IdeaVoteCommand.Cast(member, idea));
      }
    }
    // Interleave members the way concurrent clients do: each batch holds votes of many members.
    List<IdeaVoteCommand> order = new ArrayList<>(all.size());
    int stride = 11;
    for (int k = 0; k < stride; k++) {
      for (int m = 0; m < members; m++) {
        order.add(all.get(m * stride + k));
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int counted = 0;
    int other = 0;
    long wallStart = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      for (int i = 0; i < order.size(); i += batch) {
        List<IdeaVoteCommand> slice = order.subList(i, Math.min(order.size(), i + batch));
        List<IdeaVoteOutcome> outcomes = store.write(c, slice);
        c.commit();
        for (IdeaVoteOutcome o : outcomes) {
          if (o instanceof IdeaVoteOutcome.Counted) {
            counted++;
          } else {
            other++;
          }
        }
      }
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3;
    System.out.printf(
        "batch %d: %d commands (%d counted, %d refused) in %.1f s: %.0f votes/s wall,"
            + " %.1f us writer CPU per command%n",
        batch, order.size(), counted, other, wall, order.size() / wall, cpu / order.size());
    try {
      EmbeddedDataSource shutdown = new EmbeddedDataSource();
      shutdown.setDatabaseName(args[0] + "/tribune");
      shutdown.setShutdownDatabase("shutdown");
      shutdown.getConnection().close();
    } catch (SQLException expected) {
      // clean shutdown
    }
  }
}
