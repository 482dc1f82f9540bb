/** DTOs of the integrator API and their assemblers. */
package io.encaptio.interfaces.api.facade;
