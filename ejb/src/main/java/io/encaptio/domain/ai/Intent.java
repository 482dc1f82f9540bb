package io.encaptio.domain.ai;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a visitor's message is, decided before any retrieval: greetings, thanks and other small talk
 * get a short reply of their own, requests no capsule's content can serve (a poem, the weather, a
 * joke) are declined, and only questions go to retrieval. Rules, not a model: they must be fast,
 * predictable and never swallow a real question, so anything that is not clearly one of the first
 * three is a question.
 */
public enum Intent {
  GREETING,
  SMALL_TALK,
  OUT_OF_SCOPE,
  QUESTION;

  /** The name events and answers carry: greeting, small-talk, out-of-scope, question. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static final String END = "[\\s!.?,;:)(\\p{So}\\p{Sk}]*$";

  private static final Pattern GREETING_WORDS =
      Pattern.compile(
          "^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening|day)|yo|hallo"
              + "|guten (morgen|tag|abend)|moin|servus|gr[uü]e?(ß|ss) gott|bonjour|salut|bonsoir"
              + "|hola|buenos d[ií]as|buenas( tardes| noches)?|ciao|buongiorno|ol[aá]|bom dia"
              + "|hej|hoi|goedendag)( there| all| everyone| team)?"
              + END);

  private static final Pattern SMALL_TALK_WORDS =
      Pattern.compile(
          "^(thanks?( you)?( (so|very) much)?( a lot)?|thx|ty|cheers|great|cool|nice|ok(ay)?"
              + "|perfect|awesome|got it|understood|bye|goodbye|good ?bye|see you|danke( sch[oö]n)?"
              + "|merci( beaucoup)?|gracias|grazie|obrigad[oa]|tsch[uü]ss"
              + "|how are you( doing| today)?|how('s| is) it going|who are you|what are you"
              + "|are you (a |an )?(bot|robot|human|ai|real)|what can you do)"
              + END);

  private static final Pattern OUT_OF_SCOPE_WORDS =
      Pattern.compile(
          "^(please )?(write|compose|generate|create) (me )?(a |an )?(poem|song|story|essay|joke"
              + "|haiku|limerick|code|program|script)\\b.*"
              + "|^(tell|give) me a (joke|riddle|fun fact)\\b.*"
              + "|^what('s| is) the weather\\b.*"
              + "|^(what('s| is) )?(\\d+ ?[-+*/x] ?)+\\d+ ?\\??$");

  public static Intent of(String message) {
    String text = message == null ? "" : message.strip().toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      return SMALL_TALK;
    }
    if (GREETING_WORDS.matcher(text).matches()) {
      return GREETING;
    }
    if (SMALL_TALK_WORDS.matcher(text).matches()) {
      return SMALL_TALK;
    }
    if (OUT_OF_SCOPE_WORDS.matcher(text).matches()) {
      return OUT_OF_SCOPE;
    }
    return QUESTION;
  }
}
