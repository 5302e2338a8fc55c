package org.tribune.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** At least {@code minSeats} and at most {@code maxSeats} of the seats go to {@code feature}. */
@Embeddable
public class RoundQuota {

  @Column(name = "category", nullable = false)
  private String category;

  @Column(name = "feature", nullable = false)
  private String feature;

  @Column(name = "min_seats", nullable = false)
  private int minSeats;

  @Column(name = "max_seats", nullable = false)
  private int maxSeats;

  protected RoundQuota() {}

  public RoundQuota(QuotaCategory category, String feature, int minSeats, int maxSeats) {
    this.category = category.wireName();
    this.feature = feature;
    this.minSeats = minSeats;
    this.maxSeats = maxSeats;
  }

  public String category() {
    return category;
  }

  public String feature() {
    return feature;
  }

  public int minSeats() {
    return minSeats;
  }

  public int maxSeats() {
    return maxSeats;
  }
}
