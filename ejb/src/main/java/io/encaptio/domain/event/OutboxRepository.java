package io.encaptio.domain.event;

import java.util.List;

/** The current tenant's outbox of integration events. */
public interface OutboxRepository {

  void add(OutboxEvent event);

  /** The latest events of a kind, newest first. */
  List<OutboxEvent> latest(String kind, int max);
}
