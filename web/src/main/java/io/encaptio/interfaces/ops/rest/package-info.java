/** The operators' API, {@code /api/ops/v1}: bearer tokens of platform operators only. */
package io.encaptio.interfaces.ops.rest;
