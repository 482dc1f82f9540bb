/** What visitors do with capsules and what the assistant could not answer, as events. */
package io.encaptio.domain.analytics;
