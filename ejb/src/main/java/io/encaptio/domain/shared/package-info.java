/** What the domain's contexts share: refusals that belong to no one context. */
package io.encaptio.domain.shared;
