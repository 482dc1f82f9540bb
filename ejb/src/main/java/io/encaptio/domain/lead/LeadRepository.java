package io.encaptio.domain.lead;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Leads in the current tenant's schema. */
public interface LeadRepository {

  void add(Lead lead);

  /** The capsule's lead with this e-mail address, or (when null) this phone number. */
  Optional<Lead> find(UUID capsuleId, String email, String phone);

  /** Remembers that the lead came (again) from this conversation. */
  void linkConversation(UUID leadId, UUID conversationId);

  /** The capsule's leads, latest first. */
  List<Lead> ofCapsule(UUID capsuleId, int max);

  /** The conversations each of the capsule's leads came from, latest first, in one look-up. */
  Map<UUID, List<UUID>> conversationsByLead(UUID capsuleId);

  Optional<Lead> find(UUID id);
}
