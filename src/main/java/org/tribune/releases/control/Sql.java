package org.tribune.releases.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Small JDBC plumbing the release writers share: IN lists in chunks, instants. */
final class Sql {

  static final int IN_CHUNK = 200;

  private Sql() {}

  static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = new ArrayList<>(ids);
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
    }
    return chunks;
  }

  static String marks(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  static int bind(PreparedStatement s, int from, List<Long> ids) throws SQLException {
    int index = from;
    for (long id : ids) {
      s.setLong(index++, id);
    }
    return index;
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
