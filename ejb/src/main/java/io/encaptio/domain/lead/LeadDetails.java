package io.encaptio.domain.lead;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.capsule.LeadForm;
import io.encaptio.domain.shared.ConflictException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a visitor typed into a capsule's lead form, checked against that form: only its fields,
 * every required one filled, an e-mail address or a phone number to reply to, consent given. The
 * consent kept is the form's text the visitor agreed to.
 */
public record LeadDetails(
    String email, String name, String phone, String company, String message, String consent) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{6,40}");
  private static final Map<String, Integer> LENGTHS =
      Map.of("email", 254, "name", 200, "phone", 40, "company", 200, "message", 2000);

  /**
   * @param fields the form's fields as sent (name → value); empty values count as not given
   * @throws InvalidCapsuleException naming each field to fix
   * @throws IllegalStateException when the capsule has no lead form
   */
  public static LeadDetails checked(LeadForm form, Map<String, String> fields, boolean consented) {
    if (!form.enabled()) {
      throw new ConflictException("This capsule does not collect contact details.");
    }
    Map<String, String> problems = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach(
        (field, value) -> {
          if (!form.fields().contains(field)) {
            problems.put(
                field,
                "This form has no "
                    + field
                    + " field; send only "
                    + String.join(", ", form.fields())
                    + ".");
          } else if (value != null && !value.isBlank()) {
            String text = value.strip();
            if (text.length() > LENGTHS.get(field)) {
              problems.put(field, "Keep it to " + LENGTHS.get(field) + " characters.");
            }
            values.put(field, text);
          }
        });
    for (String required : form.required()) {
      if (!values.containsKey(required) && !problems.containsKey(required)) {
        problems.put(required, "Fill in your " + required + ".");
      }
    }
    String email = values.get("email");
    if (email != null && !EMAIL.matcher(email).matches()) {
      problems.put("email", "Enter an e-mail address such as name@example.com.");
    }
    String phone = values.get("phone");
    if (phone != null && !PHONE.matcher(phone).matches()) {
      problems.put("phone", "Enter a phone number of digits, spaces and + ( ) - only.");
    }
    if (email == null && phone == null && problems.isEmpty()) {
      problems.put(
          form.fields().contains("email") ? "email" : "phone",
          "Leave an e-mail address or a phone number, so you can be answered.");
    }
    if (!consented) {
      problems.put("consent", "Tick the box to agree: " + form.consent());
    }
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
    return new LeadDetails(
        email == null ? null : email.toLowerCase(Locale.ROOT),
        values.get("name"),
        phone,
        values.get("company"),
        values.get("message"),
        form.consent());
  }
}
