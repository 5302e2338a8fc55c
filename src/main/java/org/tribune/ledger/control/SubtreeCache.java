package org.tribune.ledger.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Hashes of complete subtrees kept in memory once read. A stored subtree never changes, so a cached
 * hash never goes stale, on this instance or any other; only hashes read from committed data may be
 * put here (never from inside an append, which a rollback could undo). Bounded by dropping
 * everything when full: the upper levels, which every proof needs, come back at once.
 */
public final class SubtreeCache {

  private final Map<Long, byte[]> hashes = new ConcurrentHashMap<>();
  private final int capacity;
  private final int minHeight;

  /**
   * @param capacity how many hashes to keep at most
   * @param minHeight the lowest subtree height worth caching (lower ones are many and cheap)
   */
  public SubtreeCache(int capacity, int minHeight) {
    this.capacity = capacity;
    this.minHeight = minHeight;
  }

  /** The hash at (height, index), from memory or from {@code load}; null if not stored. */
  public byte[] find(int height, long index, Supplier<byte[]> load) {
    if (height < minHeight) {
      return load.get();
    }
    long key = ((long) height << 56) | index;
    byte[] hash = hashes.get(key);
    if (hash == null) {
      hash = load.get();
      if (hash != null) {
        if (hashes.size() >= capacity) {
          hashes.clear();
        }
        hashes.put(key, hash);
      }
    }
    return hash;
  }

  public int size() {
    return hashes.size();
  }
}
