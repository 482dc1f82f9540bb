package io.encaptio.domain.ai;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A message's citations as one JSON array: they are read and written with the message. */
@Converter
public class CitationsConverter implements AttributeConverter<List<Citation>, String> {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  public String convertToDatabaseColumn(List<Citation> citations) {
    return citations == null || citations.isEmpty() ? null : JSON.toJson(citations);
  }

  @Override
  public List<Citation> convertToEntityAttribute(String json) {
    if (json == null) {
      return List.of();
    }
    return List.of(JSON.fromJson(json, Citation[].class));
  }
}
