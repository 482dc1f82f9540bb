/**
 * The knowledge-gap loop: visitors' questions grouped by meaning per capsule, the groups the
 * content leaves unanswered (gaps), an editor's answer to one, and whether visitors are answered
 * since.
 */
package io.encaptio.domain.gap;
