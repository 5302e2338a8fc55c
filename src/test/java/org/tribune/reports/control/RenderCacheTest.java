package org.tribune.reports.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tribune.reports.control.RenderCache.Key;
import org.tribune.reports.control.RenderCache.Rendering;

class RenderCacheTest {

  private static Key key(String sha, String language) {
    return new Key(sha, "PDF", language);
  }

  @Test
  void aSecondRequestIsServedFromTheCacheWithTheSameBytesAndTag() {
    RenderCache cache = new RenderCache(4, 1_000);
    AtomicInteger renders = new AtomicInteger();
    Rendering first =
        cache.get(key("a", "en"), () -> new byte[] {(byte) renders.incrementAndGet()});
    Rendering second =
        cache.get(key("a", "en"), () -> new byte[] {(byte) renders.incrementAndGet()});
    assertEquals(1, renders.get());
    assertSame(first, second);
    // SHA-256 of the single byte 0x01
    assertEquals(
        "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a", first.sha256());
    Rendering chinese = cache.get(key("a", "zh-CN"), () -> new byte[] {9});
    assertNotEquals(first.sha256(), chinese.sha256());
    assertEquals(new RenderCache.Stats(1, 2, 2, 2), cache.stats());
  }

  @Test
  void theLeastRecentlyUsedGoesFirstWhenEntriesOrBytesRunOut() {
    RenderCache cache = new RenderCache(2, 10);
    cache.get(key("a", "en"), () -> new byte[4]);
    cache.get(key("b", "en"), () -> new byte[4]);
    cache.get(key("a", "en"), () -> new byte[4]); // a is now the most recent
    cache.get(key("c", "en"), () -> new byte[4]); // over 2 entries: b goes
    assertEquals(2, cache.stats().entries());
    AtomicInteger renders = new AtomicInteger();
    cache.get(key("a", "en"), () -> new byte[renders.incrementAndGet()]);
    assertEquals(0, renders.get(), "a stayed");
    cache.get(key("b", "en"), () -> new byte[4 + renders.incrementAndGet()]);
    assertEquals(1, renders.get(), "b had gone and was rendered again");
    // c, a, b: 3 entries, 13 bytes: c (least recently used) goes, leaving a and b, 9 bytes
    assertEquals(2, cache.stats().entries());
    assertEquals(9, cache.stats().bytes());
    // d (8 bytes): 17 bytes; a goes (13), then b (8): within the entries, over the bytes
    cache.get(key("d", "en"), () -> new byte[8]);
    assertEquals(1, cache.stats().entries());
    assertEquals(8, cache.stats().bytes());
  }

  @Test
  void aRenderingLargerThanTheBudgetIsServedButNotKept() {
    RenderCache cache = new RenderCache(4, 10);
    byte[] big = new byte[11];
    assertArrayEquals(big, cache.get(key("big", "en"), () -> big).bytes());
    assertEquals(0, cache.stats().entries());
  }

  @Test
  void concurrentRequestsWaitForTheOneRenderInProgress() throws Exception {
    RenderCache cache = new RenderCache(4, 1_000);
    AtomicInteger renders = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<Rendering> first =
          request(
              pool,
              cache,
              () -> {
                renders.incrementAndGet();
                started.countDown();
                await(release);
                return new byte[] {1};
              });
      assertEquals(true, started.await(10, TimeUnit.SECONDS));
      Future<Rendering> second =
          request(
              pool,
              cache,
              () -> {
                renders.incrementAndGet();
                return new byte[] {2};
              });
      Thread.sleep(100);
      release.countDown();
      assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
      assertEquals(1, renders.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedRenderIsNotCached() {
    RenderCache cache = new RenderCache(4, 1_000);
    assertThrows(
        IllegalStateException.class,
        () ->
            cache.get(
                key("a", "en"),
                () -> {
                  throw new IllegalStateException("font missing");
                }));
    assertEquals(1, cache.get(key("a", "en"), () -> new byte[] {1}).bytes().length);
  }

  private static Future<Rendering> request(
      ExecutorService pool, RenderCache cache, java.util.function.Supplier<byte[]> render) {
    return pool.submit(() -> cache.get(key("a", "en"), render));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
