/** Content: what a capsule's assistant answers from, as editors gave it and as it is indexed. */
package io.encaptio.domain.content;
