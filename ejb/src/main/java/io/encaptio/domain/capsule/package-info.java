/** Capsules: a creator's content packaged with an assistant, its drafts and published versions. */
package io.encaptio.domain.capsule;
