package org.tribune.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores an {@link Instant} in a TIMESTAMP column, the same way the JDBC code of the vote ingest
 * does ({@link Timestamp#from}, in a JVM that runs in UTC), so both sides agree on every instant.
 * Liberty's EclipseLink would otherwise serialise an Instant as bytes, which Derby refuses. Not
 * auto-applied: entities name it on each column.
 */
@Converter
public class InstantColumn implements AttributeConverter<Instant, Timestamp> {

  @Override
  public Timestamp convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  @Override
  public Instant convertToEntityAttribute(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
