package io.encaptio.infrastructure.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules for tenant migrations, which run once per tenant schema: at 1,620 tenant schemas PostgreSQL
 * 15.20 took 34–49 ms (1.5–6 ms in a small database) for an ALTER TABLE that adds a column with a
 * default, adds a STORED generated column or rewrites a column's type: it checks every stored
 * expression of the whole database. Run for each of 10,000 tenants, one such statement costs ten
 * thousand times that. Migrations after the newest baseline use the forms that cost the same at any
 * scale (add the column without a default, then SET DEFAULT, fill it, SET NOT NULL), or say why
 * they may not at the end of the statement's last line ({@value #ALLOWED}); the baseline (made by
 * {@code encaptio.sh baseline}) never needs any ALTER of this kind for a new tenant.
 */
class TenantMigrationRulesTest {

  static final String ALLOWED = "-- scale-checked:";

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/tenant/services");
  private static final Path BASELINES = Path.of("src/main/resources/db/tenant/baseline");
  private static final Pattern VERSION = Pattern.compile("[VB](\\d+)__[a-z0-9_]+\\.sql");

  private static final Pattern ALTER_TABLE =
      Pattern.compile("\\bALTER\\s+TABLE\\b[^;]*;", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADD_COLUMN =
      Pattern.compile(
          "^\\s*ADD\\s+(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|CHECK\\b|FOREIGN\\b|EXCLUDE\\b)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern FILLED_COLUMN =
      Pattern.compile(
          "(?<!\\bSET\\s)\\bDEFAULT\\b|\\bGENERATED\\b|\\b(SMALL|BIG)?SERIAL\\b|\\bSERIAL[248]\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TYPE_CHANGE =
      Pattern.compile(
          "^\\s*ALTER\\s+(COLUMN\\s+)?(\"[^\"]+\"|\\w+)\\s+(SET\\s+DATA\\s+)?TYPE\\b",
          Pattern.CASE_INSENSITIVE);

  @Test
  void everyMigrationIsNamedByVersionAndTheNewestBaselineIsNoNewerThanThem() throws IOException {
    List<Path> migrations = scripts(MIGRATIONS, "V");
    List<Path> baselines = scripts(BASELINES, "B");

    assertThat(migrations)
        .as("V<number>__<lower-case words>.sql, one number each")
        .allMatch(f -> VERSION.matcher(f.getFileName().toString()).matches());
    assertThat(baselines)
        .as("baselines in " + BASELINES + " (earlier ones stay: schemas made from them name them)")
        .isNotEmpty()
        .allMatch(f -> VERSION.matcher(f.getFileName().toString()).matches());
    assertThat(newest(baselines)).isLessThanOrEqualTo(newest(migrations));
    for (Path baseline : baselines) {
      assertThat(Files.readString(baseline))
          .as("%s names no schema: Flyway runs it with the tenant's first on the path", baseline)
          .doesNotContainPattern("\\bt_[0-9a-f]{32}\\b");
    }
  }

  @Test
  void migrationsAfterTheNewestBaselineAvoidAltersThatCheckTheWholeDatabase() throws IOException {
    int baseline = newest(scripts(BASELINES, "B"));
    List<String> costly = new ArrayList<>();
    for (Path script : scripts(MIGRATIONS, "V")) {
      if (version(script) > baseline) {
        costly.addAll(costlyAlters(script.getFileName().toString(), Files.readString(script)));
      }
    }

    assertThat(costly)
        .as(
            "ALTER TABLE clauses that check every stored expression of the database, once per"
                + " tenant: add the column without a default, then SET DEFAULT, UPDATE, SET NOT"
                + " NULL; or end the statement's last line with '"
                + ALLOWED
                + " <why>'")
        .isEmpty();
  }

  @Test
  void theRuleFindsTheFormsItIsAboutAndLetsTheOthersBe() {
    assertThat(
            costlyAlters(
                "V1__x.sql",
                """
                ALTER TABLE chunk ADD COLUMN text_search regconfig NOT NULL DEFAULT 'english';
                ALTER TABLE chunk ADD COLUMN tsv tsvector
                    GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
                ALTER TABLE chunk ALTER COLUMN position TYPE text;
                ALTER TABLE price ADD COLUMN amount numeric(12,2) DEFAULT 0; -- money; 0 by default
                ALTER TABLE item ADD COLUMN n bigserial, ADD COLUMN "Note" text;
                ALTER TABLE item ALTER "Note" SET DATA TYPE varchar(10);
                """))
        .hasSize(6)
        .allMatch(found -> found.startsWith("V1__x.sql: ALTER TABLE"));
    assertThat(
            costlyAlters(
                "V2__y.sql",
                """
                ALTER TABLE capsule ADD COLUMN note text, ADD CONSTRAINT note_short
                    CHECK (length(note) < 100);
                ALTER TABLE capsule ALTER COLUMN note SET DEFAULT '';
                ALTER TABLE capsule ALTER COLUMN note SET NOT NULL;
                ALTER TABLE lead ADD COLUMN owner uuid REFERENCES person (id) ON DELETE SET DEFAULT;
                ALTER TABLE lead ALTER COLUMN name TYPE varchar(200); -- scale-checked: not rewritten
                """))
        .isEmpty();
  }

  /**
   * The ALTER TABLE statements of a script with a clause that makes PostgreSQL check the whole
   * database, unless the statement's last line says why it may.
   */
  static List<String> costlyAlters(String name, String sql) {
    List<String> found = new ArrayList<>();
    Matcher alter = ALTER_TABLE.matcher(withoutComments(sql));
    while (alter.find()) {
      String statement = alter.group();
      // comments were blanked character for character: offsets in both texts are the same
      int end = sql.indexOf('\n', alter.end());
      String statementLines = sql.substring(alter.start(), end < 0 ? sql.length() : end);
      if (!statementLines.contains(ALLOWED)
          && clauses(statement).stream().anyMatch(TenantMigrationRulesTest::costly)) {
        found.add(name + ": " + statement.replaceAll("\\s+", " ").trim());
      }
    }
    return found;
  }

  private static boolean costly(String clause) {
    return (ADD_COLUMN.matcher(clause).find() && FILLED_COLUMN.matcher(clause).find())
        || TYPE_CHANGE.matcher(clause).find();
  }

  /** The statement's clauses: split at commas outside parentheses and quotes. */
  private static List<String> clauses(String statement) {
    String body =
        statement.replaceFirst("(?is)^ALTER\\s+TABLE\\s+(ONLY\\s+)?(IF\\s+EXISTS\\s+)?\\S+", "");
    List<String> clauses = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && (c == ',' || c == ';')) {
        clauses.add(body.substring(start, i));
        start = i + 1;
      }
    }
    return clauses;
  }

  /** The script with each comment blanked out, character for character (offsets stay). */
  private static String withoutComments(String sql) {
    return Pattern.compile("--[^\\n]*")
        .matcher(sql)
        .replaceAll(comment -> " ".repeat(comment.group().length()));
  }

  private static List<Path> scripts(Path directory, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(prefix))
          .filter(f -> f.getFileName().toString().endsWith(".sql"))
          .sorted()
          .toList();
    }
  }

  private static int version(Path script) {
    Matcher matcher = VERSION.matcher(script.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(script + " is not named V<n>__ or B<n>__");
    }
    return Integer.parseInt(matcher.group(1));
  }

  private static int newest(List<Path> scripts) {
    return scripts.stream().mapToInt(TenantMigrationRulesTest::version).max().orElseThrow();
  }
}
