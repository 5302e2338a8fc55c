package org.tribune.voting.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status by its wire name, so the database reads the same as the API. */
@Converter
public class IdeaStatusColumn implements AttributeConverter<IdeaStatus, String> {

  @Override
  public String convertToDatabaseColumn(IdeaStatus status) {
    return status == null ? null : status.wire();
  }

  @Override
  public IdeaStatus convertToEntityAttribute(String column) {
    if (column == null) {
      return null;
    }
    return IdeaStatus.fromWire(column)
        .orElseThrow(() -> new IllegalStateException("Unknown idea status " + column));
  }
}
