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
 * default, adds a STORED generated column or changes a column's type so that the table is
 * rewritten: it checks every stored expression of the whole database. Run for each of 10,000
 * tenants, one such statement costs some ten thousand times that. Migrations after the baseline use
 * the forms that cost the same at any scale (add the column without a default, then SET DEFAULT,
 * fill it, SET NOT NULL), or say on the statement's line why they may not ({@value #ALLOWED}); the
 * baseline (made by {@code encaptio.sh baseline}) never needs any ALTER of this kind for a new
 * tenant.
 */
class TenantMigrationRulesTest {

  static final String ALLOWED = "-- scale-checked:";

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/tenant/services");
  private static final Path BASELINES = Path.of("src/main/resources/db/tenant/baseline");
  private static final Pattern VERSION = Pattern.compile("[VB](\\d+)__.+\\.sql");

  /** Each clause of an ALTER TABLE that makes PostgreSQL check the whole database. */
  private static final List<Pattern> COSTLY =
      List.of(
          Pattern.compile("ADD\\s+(COLUMN\\s+)?[^,;]*\\bDEFAULT\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile(
              "\\bGENERATED\\s+ALWAYS\\s+AS\\b[^;]*\\bSTORED\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile(
              "ALTER\\s+(COLUMN\\s+)?\\w+\\s+(SET\\s+DATA\\s+)?TYPE\\b", Pattern.CASE_INSENSITIVE));

  @Test
  void thereIsOneBaselineAndItIsNoNewerThanTheMigrations() throws IOException {
    List<Path> baselines = scripts(BASELINES, "B");

    assertThat(baselines).as("baselines in " + BASELINES).hasSize(1);
    assertThat(version(baselines.get(0))).isLessThanOrEqualTo(latest(scripts(MIGRATIONS, "V")));
    assertThat(Files.readString(baselines.get(0)))
        .as("a baseline names no schema: Flyway runs it with the tenant's first on the path")
        .doesNotContainPattern("\\bt_[0-9a-f]{32}\\b");
  }

  @Test
  void migrationsAfterTheBaselineAvoidAltersThatCheckTheWholeDatabase() throws IOException {
    int baseline = version(scripts(BASELINES, "B").get(0));
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
                + " NULL; or end the line with '"
                + ALLOWED
                + " <why>'")
        .isEmpty();
  }

  @Test
  void theRuleFindsTheFormsItIsAbout() {
    assertThat(
            costlyAlters(
                "V1__x.sql",
                "ALTER TABLE chunk ADD COLUMN text_search regconfig NOT NULL DEFAULT 'english';\n"
                    + "ALTER TABLE chunk ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector("
                    + "'english', text)) STORED;\n"
                    + "ALTER TABLE chunk ALTER COLUMN position TYPE text;\n"
                    + "ALTER TABLE capsule ADD COLUMN note text;\n"
                    + "ALTER TABLE capsule ALTER COLUMN note SET DEFAULT '';\n"
                    + "ALTER TABLE capsule ALTER COLUMN note SET NOT NULL;\n"
                    + "ALTER TABLE lead ALTER COLUMN name TYPE varchar(200); "
                    + ALLOWED
                    + " varchar(120) to varchar(200) is not rewritten\n"))
        .hasSize(3)
        .allMatch(found -> found.startsWith("V1__x.sql: ALTER TABLE chunk"));
  }

  /** The ALTER TABLE statements of a script with a costly clause and no reason given. */
  static List<String> costlyAlters(String name, String sql) {
    List<String> found = new ArrayList<>();
    Matcher alter =
        Pattern.compile("ALTER\\s+TABLE\\b[^;]*;([^\\n]*)", Pattern.CASE_INSENSITIVE).matcher(sql);
    while (alter.find()) {
      String statement =
          alter.group().substring(0, alter.group().length() - alter.group(1).length());
      boolean costly = COSTLY.stream().anyMatch(p -> p.matcher(statement).find());
      if (costly && !alter.group(1).contains(ALLOWED)) {
        found.add(name + ": " + statement.replaceAll("\\s+", " ").trim());
      }
    }
    return found;
  }

  private static List<Path> scripts(Path directory, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(prefix))
          .filter(f -> VERSION.matcher(f.getFileName().toString()).matches())
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

  private static int latest(List<Path> scripts) {
    return scripts.stream().mapToInt(TenantMigrationRulesTest::version).max().orElseThrow();
  }
}
