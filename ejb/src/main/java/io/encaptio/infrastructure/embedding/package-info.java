/** In-process embeddings: LangChain4j's ONNX models shipped inside their Maven artifacts. */
package io.encaptio.infrastructure.embedding;
