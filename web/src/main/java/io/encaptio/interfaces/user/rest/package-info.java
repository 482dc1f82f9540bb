/** Who calls and who is in the organization: {@code /api/v1/me} and {@code /api/v1/people}. */
package io.encaptio.interfaces.user.rest;
