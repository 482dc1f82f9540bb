package io.encaptio.domain.analytics;

import java.util.List;
import java.util.UUID;

/** Analytics events in the current tenant's schema. */
public interface AnalyticsEventRepository {

  void add(AnalyticsEvent event);

  /** The capsule's latest events of one kind, newest first. */
  List<AnalyticsEvent> latest(UUID capsuleId, String kind, int max);
}
