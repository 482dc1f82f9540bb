package io.encaptio.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encaptio.domain.capsule.InvalidCapsuleException;
import io.encaptio.domain.capsule.LeadForm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadDetailsTest {

  private final LeadForm form =
      new LeadForm(
          true,
          "Talk to us",
          List.of("name", "email", "company"),
          List.of("email"),
          "I agree to be contacted.");

  @Test
  void detailsAreCheckedAgainstTheFormAndTheEmailNormalised() {
    LeadDetails details =
        LeadDetails.checked(
            form, Map.of("email", " Ada@Example.COM ", "name", "Ada", "company", ""), true);
    assertThat(details.email()).isEqualTo("ada@example.com");
    assertThat(details.name()).isEqualTo("Ada");
    assertThat(details.company()).isNull();
    assertThat(details.consent()).isEqualTo("I agree to be contacted.");
  }

  @Test
  void eachProblemIsNamedPerField() {
    assertThatThrownBy(
            () -> LeadDetails.checked(form, Map.of("email", "ada@", "phone", "123456"), false))
        .isInstanceOf(InvalidCapsuleException.class)
        .satisfies(
            e ->
                assertThat(((InvalidCapsuleException) e).problems())
                    .containsKeys("email", "phone", "consent"));
    assertThatThrownBy(() -> LeadDetails.checked(form, Map.of("name", "Ada"), true))
        .isInstanceOf(InvalidCapsuleException.class)
        .satisfies(
            e ->
                assertThat(((InvalidCapsuleException) e).problems().get("email"))
                    .isEqualTo("Fill in your email."));
  }

  @Test
  void aCapsuleWithoutAFormTakesNoLeads() {
    assertThatThrownBy(() -> LeadDetails.checked(LeadForm.NONE, Map.of("email", "a@b.io"), true))
        .isInstanceOf(IllegalStateException.class);
  }
}
