package io.encaptio.domain.capsule;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Model routing as one JSON document; none stored means the extractive answer. */
@Converter
public class ModelRoutingConverter implements AttributeConverter<ModelRouting, String> {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  public String convertToDatabaseColumn(ModelRouting routing) {
    return routing == null ? null : JSON.toJson(routing);
  }

  @Override
  public ModelRouting convertToEntityAttribute(String json) {
    return json == null ? null : JSON.fromJson(json, ModelRouting.class);
  }
}
