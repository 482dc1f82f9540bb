/** DTOs of the caller and the organization's people, and their assemblers. */
package io.encaptio.interfaces.user.facade;
