package io.encaptio.domain.capsule;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Retrieval settings as one JSON document; none stored means the current defaults. */
@Converter
public class RetrievalSettingsConverter implements AttributeConverter<RetrievalSettings, String> {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  public String convertToDatabaseColumn(RetrievalSettings settings) {
    return settings == null ? null : JSON.toJson(settings);
  }

  @Override
  public RetrievalSettings convertToEntityAttribute(String json) {
    return json == null ? null : JSON.fromJson(json, RetrievalSettings.class);
  }
}
