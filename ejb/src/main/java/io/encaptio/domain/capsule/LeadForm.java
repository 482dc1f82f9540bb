package io.encaptio.domain.capsule;

import java.io.Serializable;
import java.util.List;

/**
 * The form a visitor can fill in to be contacted: which fields it asks for (name, email, phone,
 * company, message), which of them are required, its title and the consent visitors agree to.
 */
public record LeadForm(
    boolean enabled, String title, List<String> fields, List<String> required, String consent)
    implements Serializable {

  public static final List<String> FIELDS = List.of("name", "email", "phone", "company", "message");

  public static final LeadForm NONE =
      new LeadForm(
          false,
          "Leave your details",
          List.of("name", "email"),
          List.of("email"),
          "I agree to be contacted about my request.");

  public LeadForm {
    fields = fields == null ? List.of() : List.copyOf(fields);
    required = required == null ? List.of() : List.copyOf(required);
  }
}
