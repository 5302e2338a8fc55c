package org.tribune.releases.control;

import java.util.List;

/**
 * How many ratings gave each number of stars. The aggregate the rating writer keeps per build, and
 * what every score is computed from.
 */
public record StarDistribution(long n1, long n2, long n3, long n4, long n5) {

  public static final StarDistribution EMPTY = new StarDistribution(0, 0, 0, 0, 0);

  public StarDistribution {
    if (n1 < 0 || n2 < 0 || n3 < 0 || n4 < 0 || n5 < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  /** counts[0] is one star, counts[4] five. */
  public static StarDistribution of(long... counts) {
    if (counts.length != 5) {
      throw new IllegalArgumentException("five counts, one per star");
    }
    return new StarDistribution(counts[0], counts[1], counts[2], counts[3], counts[4]);
  }

  public long count(int stars) {
    return switch (stars) {
      case 1 -> n1;
      case 2 -> n2;
      case 3 -> n3;
      case 4 -> n4;
      case 5 -> n5;
      default -> throw new IllegalArgumentException("stars 1-5: " + stars);
    };
  }

  public long total() {
    return n1 + n2 + n3 + n4 + n5;
  }

  /** The plain mean, or null without ratings. */
  public Double mean() {
    long total = total();
    if (total == 0) {
      return null;
    }
    return (1.0 * n1 + 2.0 * n2 + 3.0 * n3 + 4.0 * n4 + 5.0 * n5) / total;
  }

  public StarDistribution plus(StarDistribution other) {
    return new StarDistribution(
        n1 + other.n1, n2 + other.n2, n3 + other.n3, n4 + other.n4, n5 + other.n5);
  }

  public static StarDistribution pooled(List<StarDistribution> all) {
    StarDistribution sum = EMPTY;
    for (StarDistribution d : all) {
      sum = sum.plus(d);
    }
    return sum;
  }

  public List<Long> asList() {
    return List.of(n1, n2, n3, n4, n5);
  }
}
