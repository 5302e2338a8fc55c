package org.tribune.releases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.regex.Pattern;
import org.tribune.platform.entity.DomainException;
import org.tribune.platform.entity.InstantColumn;

/**
 * A phone model builds are made for. The code (the ROM codename, e.g. {@code houji}) is what an OTA
 * server sends; the name is what members call it and matches a member's device line.
 */
@Entity
@Table(name = "device_model")
public class DeviceModel {

  private static final Pattern CODE = Pattern.compile("[a-z0-9_-]{2,40}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  @Convert(converter = InstantColumn.class)
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected DeviceModel() {}

  public DeviceModel(String code, String name, Instant now) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw DomainException.invalid("code", "2-40 characters a-z, 0-9, _ or -");
    }
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw DomainException.invalid("name", "is required, at most 100 characters");
    }
    this.code = code;
    this.name = name.strip();
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }
}
