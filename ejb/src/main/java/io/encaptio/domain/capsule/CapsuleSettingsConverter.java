package io.encaptio.domain.capsule;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Settings are stored as one JSON document per draft and per version: a version must keep exactly
 * what was published, whatever fields later releases add, and the editor saves them as a whole.
 */
@Converter
public class CapsuleSettingsConverter implements AttributeConverter<CapsuleSettings, String> {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  public String convertToDatabaseColumn(CapsuleSettings settings) {
    return settings == null ? null : JSON.toJson(settings);
  }

  @Override
  public CapsuleSettings convertToEntityAttribute(String json) {
    return json == null ? null : JSON.fromJson(json, CapsuleSettings.class);
  }
}
