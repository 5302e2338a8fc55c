package org.tribune.voting.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Maps {@link Instant} to a SQL TIMESTAMP the same way the vote ingest's JDBC code does ({@link
 * Timestamp#from}), so both sides of the voting tables agree on every instant.
 */
@Converter
public class InstantColumn implements AttributeConverter<Instant, Timestamp> {

  @Override
  public Timestamp convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  @Override
  public Instant convertToEntityAttribute(Timestamp column) {
    return column == null ? null : column.toInstant();
  }
}
