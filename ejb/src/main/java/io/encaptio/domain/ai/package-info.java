/**
 * The assistant: finding a capsule's passages for a question (vector and BM25 keyword search,
 * fused) and composing grounded answers with citations from them.
 */
package io.encaptio.domain.ai;
