package io.encaptio.domain.ai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A chunk's sentence embeddings as stored: 4-byte little-endian floats, one vector after another in
 * the order of the chunk's sentences, all of one model's dimensions.
 */
public final class SentenceVectors {

  private SentenceVectors() {}

  public static byte[] pack(List<float[]> vectors) {
    int dimensions = vectors.isEmpty() ? 0 : vectors.get(0).length;
    ByteBuffer buffer =
        ByteBuffer.allocate(4 * dimensions * vectors.size()).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] vector : vectors) {
      buffer.asFloatBuffer().put(vector);
      buffer.position(buffer.position() + 4 * vector.length);
    }
    return buffer.array();
  }

  /**
   * @return the vectors, or null when {@code packed} is null or not a whole number of them
   */
  public static float[][] unpack(byte[] packed, int dimensions) {
    if (packed == null || dimensions <= 0 || packed.length % (4 * dimensions) != 0) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
    float[][] vectors = new float[packed.length / (4 * dimensions)][dimensions];
    for (float[] vector : vectors) {
      buffer.asFloatBuffer().get(vector);
      buffer.position(buffer.position() + 4 * dimensions);
    }
    return vectors;
  }
}
