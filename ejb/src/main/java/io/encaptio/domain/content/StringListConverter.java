package io.encaptio.domain.content;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A list of strings as a JSON array (content tags, golden questions' facts, missing facts). */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  public String convertToDatabaseColumn(List<String> values) {
    return JSON.toJson(values == null ? List.of() : values);
  }

  @Override
  public List<String> convertToEntityAttribute(String json) {
    return json == null ? List.of() : List.of(JSON.fromJson(json, String[].class));
  }
}
