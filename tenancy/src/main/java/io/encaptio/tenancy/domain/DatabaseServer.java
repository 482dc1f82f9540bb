package io.encaptio.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server that holds tenant schemas, with its share of new tenants ({@code weight}).
 * Lives in {@code platform}; {@link #MAIN} is the server of the platform schema itself.
 */
@Entity
@Table(name = "database_servers", schema = "platform")
public class DatabaseServer {

  /** The server of the platform schema, where every tenant lived before there were others. */
  public static final String MAIN = "main";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** The most weight one server may have: a hundred times another's is plenty. */
  public static final int MOST_WEIGHT = 1000;

  @Id
  @Column(length = 40)
  private String name;

  @Column(nullable = false)
  private int weight;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected DatabaseServer() {}

  public static DatabaseServer register(String name, int weight) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidTenantException(
          Map.of(
              "name",
              "A database server's name is 1 to 40 lower-case letters, digits and hyphens,"
                  + " starting with a letter (its data sources are jdbc/encaptio-<name>)."));
    }
    DatabaseServer server = new DatabaseServer();
    server.name = name;
    server.weigh(weight);
    server.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    return server;
  }

  /** Sets the server's share of new tenants; 0 places none there. */
  public void weigh(int newWeight) {
    if (newWeight < 0 || newWeight > MOST_WEIGHT) {
      throw new InvalidTenantException(
          Map.of(
              "weight",
              "A weight is 0 (no new tenants) to "
                  + MOST_WEIGHT
                  + "; new tenants go where the fewest are per unit of weight."));
    }
    weight = newWeight;
  }

  public String name() {
    return name;
  }

  public int weight() {
    return weight;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
