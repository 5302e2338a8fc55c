package org.tribune.reports.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The renderings of published report versions, kept in memory: a published version never changes,
 * so its page, fragment, PDF and bundle in one language are the same bytes for as long as the
 * process lives, and a newly published report is what everybody opens at once.
 *
 * <p>Bounded twice, least recently used first out: at most {@code maxEntries} renderings and at
 * most {@code maxBytes} bytes together (a rendering larger than the byte budget is served but not
 * kept). Concurrent requests for a rendering not yet cached wait for the one render in progress
 * instead of each rendering it ("single flight"); a render that fails is not cached, and the next
 * request tries again. Only published versions belong here — the key is the version's SHA-256 —
 * never a draft, which changes.
 */
public final class RenderCache {

  /** What a rendering is of: a published version (its SHA-256), a format and a language. */
  public record Key(String sha256, String format, String language) {
    public Key {
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(format, "format");
      language = language == null ? "" : language;
    }
  }

  /**
   * A rendering and the SHA-256 of its bytes (hex), which makes an honest strong ETag: equal bytes
   * on every instance and across restarts, a different tag as soon as a new release renders
   * differently. The bytes must not be changed.
   */
  public record Rendering(byte[] bytes, String sha256) {
    static Rendering of(byte[] bytes) {
      try {
        return new Rendering(
            bytes, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Counters for the health of the cache (tests and logs). */
  public record Stats(long hits, long renders, int entries, long bytes) {}

  private final int maxEntries;
  private final long maxBytes;
  private final LinkedHashMap<Key, Rendering> done = new LinkedHashMap<>(16, 0.75f, true);
  private final ConcurrentHashMap<Key, CompletableFuture<Rendering>> inFlight =
      new ConcurrentHashMap<>();
  private long bytes;
  private long hits;
  private long renders;

  public RenderCache(int maxEntries, long maxBytes) {
    if (maxEntries < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("a cache holds at least one entry and one byte");
    }
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** The cached rendering of {@code key}, else {@code render}'s result (cached if it fits). */
  public Rendering get(Key key, Supplier<byte[]> render) {
    Rendering cached = cached(key);
    if (cached != null) {
      return cached;
    }
    CompletableFuture<Rendering> mine = new CompletableFuture<>();
    CompletableFuture<Rendering> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return await(running);
    }
    try {
      cached = cached(key); // finished between the first look and taking the flight
      Rendering rendered = cached != null ? cached : Rendering.of(render.get());
      if (cached == null) {
        keep(key, rendered);
      }
      mine.complete(rendered);
      return rendered;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  public synchronized Stats stats() {
    return new Stats(hits, renders, done.size(), bytes);
  }

  private synchronized Rendering cached(Key key) {
    Rendering b = done.get(key);
    if (b != null) {
      hits++;
    }
    return b;
  }

  private synchronized void keep(Key key, Rendering rendered) {
    renders++;
    if (rendered.bytes().length > maxBytes) {
      return;
    }
    Rendering old = done.put(key, rendered);
    bytes += rendered.bytes().length - (old == null ? 0 : old.bytes().length);
    Iterator<Map.Entry<Key, Rendering>> eldest = done.entrySet().iterator();
    while ((done.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
      Map.Entry<Key, Rendering> e = eldest.next();
      bytes -= e.getValue().bytes().length;
      eldest.remove();
    }
  }

  private static Rendering await(CompletableFuture<Rendering> running) {
    try {
      return running.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a rendering", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
