/** Durable work: jobs written with the change that needs them and run by workers on any node. */
package io.encaptio.domain.job;
