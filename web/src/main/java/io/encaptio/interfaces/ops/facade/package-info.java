/** A tenant's export as a temporary file, for the operators' API and console alike. */
package io.encaptio.interfaces.ops.facade;
