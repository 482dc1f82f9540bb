package io.encaptio.domain.ai;

import java.util.regex.Pattern;

/**
 * Redacts personal data from answers when a capsule asks for it: e-mail addresses, phone numbers,
 * payment card numbers (Luhn-checked) and IBANs become a bracketed label. Applied to the answer and
 * its snippets, never to the stored content.
 */
public final class PiiRedactor {

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");
  private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){13,19}\\b");
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\w/])\\+?\\(?\\d{1,4}\\)?(?:[ .-]?\\(?\\d{2,4}\\)?){2,5}(?![\\w/])");

  private PiiRedactor() {}

  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String redacted = EMAIL.matcher(text).replaceAll("[e-mail removed]");
    redacted = IBAN.matcher(redacted).replaceAll("[account number removed]");
    redacted =
        CARD.matcher(redacted)
            .replaceAll(m -> luhn(m.group()) ? "[card number removed]" : m.group());
    return PHONE
        .matcher(redacted)
        .replaceAll(m -> phone(m.group()) ? "[phone removed]" : m.group());
  }

  /** At least eight digits and not a date, time or plain year range. */
  private static boolean phone(String candidate) {
    String digits = candidate.replaceAll("\\D", "");
    return digits.length() >= 8
        && digits.length() <= 15
        && !candidate.matches("\\d{4}-\\d{2}-\\d{2}.*")
        && !candidate.matches("\\d{1,2}[.:]\\d{2}.*");
  }

  private static boolean luhn(String candidate) {
    String digits = candidate.replaceAll("\\D", "");
    if (digits.length() < 13) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
