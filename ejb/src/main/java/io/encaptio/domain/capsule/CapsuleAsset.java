package io.encaptio.domain.capsule;

import java.io.Serializable;
import java.util.UUID;

/** An image of a capsule's brand (kind "logo" or "avatar"), never changed once stored. */
public record CapsuleAsset(UUID id, UUID capsuleId, String kind, String mediaType, byte[] bytes)
    implements Serializable {

  public static final long MAX_BYTES = 1024 * 1024;
}
